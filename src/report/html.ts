import { keyFactsOf } from '../engine/detector.js';
import { redact } from '../engine/redact.js';
import type { Finding, Severity } from '../engine/types.js';
import { escapeMarkup as html } from './markup.js';
import type { Reporter } from './reporter.js';
import { countBySeverity, fileLabel, plural, sharedLabel } from './summary.js';

/**
 * The preview and snippet a page may show: redacted even when the run said --show-secrets (a page is mailed, attached
 * and uploaded far more than a terminal's output), unless the person running asked for keys in the page itself.
 */
function shown(f: Finding, showSecrets: boolean): { preview: string; snippet: string } {
  const secret = keyFactsOf(f)?.secret;
  if (showSecrets || !secret || !f.preview.includes(secret)) return { preview: f.preview, snippet: f.snippet };
  const preview = redact(secret);
  return { preview, snippet: f.snippet.split(secret).join(preview) };
}

const SEVERITY_COLOUR: Record<Severity, string> = { error: '#c62828', warning: '#ef6c00', info: '#1565c0' };

/** A horizontal bar per vendor (the rule when no vendor), as inline SVG: the page loads nothing. */
function barChart(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.vendor ?? f.ruleId, (counts.get(f.vendor ?? f.ruleId) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const bars = rows.map(([label, n], i) => {
    const y = i * 26;
    const width = Math.max(2, Math.round((n / max) * 360));
    return `<text x="0" y="${y + 17}" class="label">${html(label)}</text><rect x="200" y="${y + 4}" width="${width}" height="18" rx="3"></rect><text x="${206 + width}" y="${y + 17}">${n}</text>`;
  });
  return `<svg id="chart" role="img" aria-label="findings by vendor" width="620" height="${rows.length * 26 + 4}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`;
}

/** For a history report: when each key was added, and whether HEAD still holds it, oldest first. */
function timeline(findings: readonly Finding[]): string {
  const dated = findings.filter((f) => f.history && f.location.date).sort((a, b) => (a.location.date! < b.location.date! ? -1 : 1));
  if (dated.length === 0) return '';
  const rows = dated.map((f) => {
    const state = f.history!.inCurrentTree ? '<span class="bad">still in HEAD</span>' : f.history!.unmergedRefs ? 'only on unmerged refs' : 'removed from HEAD, in history';
    return `<tr><td>${html(f.location.date!.slice(0, 10))}</td><td><code>${html(f.location.commit?.slice(0, 10))}</code></td><td>${html(f.location.author)}</td><td>${html(f.title)}</td><td>${state}</td></tr>`;
  });
  return `<h2>When each key was introduced</h2><table id="timeline"><thead><tr><th>date</th><th>commit</th><th>author</th><th>key</th><th>now</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A filter on one attribute of the rows, with the values the findings have. */
function select(name: string, label: string, values: Iterable<string>): string {
  const options = [...new Set(values)].sort().map((v) => `<option value="${html(v)}">${html(v)}</option>`);
  return `<label>${label} <select data-filter="${name}"><option value="">all</option>${options.join('')}</select></label>`;
}

/** Shows only the rows every filter allows, and how many that is. Plain DOM: it runs from file://. */
const SCRIPT = `
const rows = [...document.querySelectorAll('#findings tbody tr')];
const filters = [...document.querySelectorAll('[data-filter]')];
function apply() {
  let shown = 0;
  for (const row of rows) {
    const ok = filters.every((f) => {
      const want = f.value.trim().toLowerCase();
      if (!want) return true;
      const have = (row.dataset[f.dataset.filter] || '').toLowerCase();
      return f.tagName === 'INPUT' ? have.includes(want) : have === want;
    });
    row.hidden = !ok;
    if (ok) shown++;
  }
  document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' shown';
}
for (const f of filters) f.addEventListener('input', apply);
apply();
`;

/**
 * One self-contained HTML page (inline CSS, SVG and script; a Content-Security-Policy that allows nothing to load):
 * counts, a chart by vendor, for history a timeline, and the findings with filters, remedies and links to the lines.
 */
export const htmlReporter: Reporter = (result, context) => {
  const findings = result.findings;
  const counts = countBySeverity(findings);
  const verified = findings.some((f) => f.validity);
  const rows = findings.map((f) => {
    const { preview, snippet } = shown(f, Boolean(context.htmlShowSecrets));
    const link = context.lineLink?.(f);
    const where = `${fileLabel(f.location)}:${f.location.line}${f.locations ? ` (${sharedLabel(f)})` : ''}`;
    const place = link ? `<a href="${html(link)}">${html(where)}</a>` : html(where);
    const attrs = `data-severity="${f.severity}" data-rule="${html(f.ruleId)}" data-vendor="${html(f.vendor ?? '')}" data-path="${html(fileLabel(f.location))}" data-validity="${f.validity ?? ''}"`;
    return `<tr ${attrs}><td><span class="sev ${f.severity}">${f.severity}</span>${f.validity ? ` <span class="validity ${f.validity}">${f.validity}</span>` : ''}</td><td>${html(f.title)}<br><small>${html(f.ruleId)}</small></td><td>${place}${f.location.commit ? `<br><small>${html(f.location.commit.slice(0, 10))}</small>` : ''}</td><td><code>${html(preview)}</code><pre>${html(snippet)}</pre></td><td>${html(f.remediation)}</td></tr>`;
  });
  const filters = [
    select('severity', 'severity', findings.map((f) => f.severity)),
    select('rule', 'rule', findings.map((f) => f.ruleId)),
    select('vendor', 'vendor', findings.flatMap((f) => (f.vendor ? [f.vendor] : []))),
    verified ? select('validity', 'validity', findings.flatMap((f) => (f.validity ? [f.validity] : []))) : '',
    '<label>path <input data-filter="path" type="search" placeholder="part of a path"></label>',
  ].join(' ');
  const scope =
    result.commitsScanned !== undefined ? `${plural(result.commitsScanned, 'commit')} of history` : `${plural(result.filesScanned, 'file')}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>keyward: ${findings.length ? plural(findings.length, 'finding') : 'no secrets found'}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1b1b1b; }
h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 17px; margin-top: 28px; }
.counts { display: flex; gap: 12px; margin: 12px 0 20px; } .count { border-radius: 6px; padding: 8px 14px; color: #fff; }
.count b { font-size: 22px; display: block; } .count.error { background: ${SEVERITY_COLOUR.error}; } .count.warning { background: ${SEVERITY_COLOUR.warning}; } .count.info { background: ${SEVERITY_COLOUR.info}; } .count.active { background: #6a1b9a; }
#chart rect { fill: #455a64; } #chart text { font-size: 12px; } #chart .label { text-anchor: start; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; }
pre { white-space: pre-wrap; word-break: break-all; margin: 4px 0 0; font-size: 12px; color: #555; }
.sev { color: #fff; border-radius: 4px; padding: 1px 6px; } .sev.error { background: ${SEVERITY_COLOUR.error}; } .sev.warning { background: ${SEVERITY_COLOUR.warning}; } .sev.info { background: ${SEVERITY_COLOUR.info}; }
.validity.active, .bad { color: #b71c1c; font-weight: bold; } .filters { display: flex; flex-wrap: wrap; gap: 14px; margin: 12px 0; }
</style></head>
<body>
<h1>keyward ${html(context.version)}: ${findings.length ? plural(findings.length, 'finding') : 'no secrets found'}</h1>
<p>${html(scope)} scanned in ${Math.round(result.durationMs)} ms.${result.skipped.length ? ` ${plural(result.skipped.length, 'file')} skipped.` : ''}</p>
<div class="counts">
<div class="count error" id="count-error"><b>${counts.error}</b>errors</div>
<div class="count warning" id="count-warning"><b>${counts.warning}</b>warnings</div>
<div class="count info" id="count-info"><b>${counts.info}</b>info</div>
${verified ? `<div class="count active" id="count-active"><b>${findings.filter((f) => f.validity === 'active').length}</b>active keys</div>` : ''}
</div>
${findings.length ? `<h2>By vendor</h2>${barChart(findings)}` : ''}
${timeline(findings)}
<h2>Findings</h2>
<div class="filters">${filters} <span id="shown"></span></div>
<table id="findings"><thead><tr><th>severity</th><th>key</th><th>where</th><th>preview</th><th>what to do</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${(result.notes ?? []).map((note) => `<p><small>note: ${html(note)}</small></p>`).join('')}
<script>${SCRIPT}</script>
</body></html>
`;
};
