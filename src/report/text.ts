import { Chalk } from 'chalk';
import { escapeControlInLine } from '../engine/control-characters.js';
import type { Finding } from '../engine/types.js';
import type { RevokeSummary } from '../sinks/revoke.js';
import type { VerifySummary } from '../verify/verify-findings.js';
import type { Reporter } from './reporter.js';
import type { ScanResult } from '../scan/scan-result.js';
import { countBySeverity, countByStatus, countSkipped, fileLabel, formatBytes, listRefs, plural, sharedLabel } from './summary.js';

/** Skip reasons worth listing file by file (the others are only counted). */
const LISTED_REASONS = new Set(['unreadable', 'too-large', 'not-a-file']);

/**
 * Human output, eslint-style: findings grouped by file, the line redacted, the remedy, a summary line. Paths and
 * author names come from the repository: their control characters are shown as escapes, never sent to the terminal.
 */
export const textReporter: Reporter = (result, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const colour = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.location.commit ? `${fileLabel(f.location)} @ ${f.location.commit.slice(0, 10)}` : fileLabel(f.location);
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  for (const [file, findings] of byFile) {
    out.push(c.underline(escapeControlInLine(file)));
    for (const f of findings) {
      const where = `${f.location.line}:${f.location.column}`.padEnd(8);
      out.push(`  ${c.dim(where)}${colour[f.severity](f.severity.padEnd(8))}${validityBadge(f, c)}${f.new ? c.bold.red('new ') : ''}${f.message}  ${c.dim(f.ruleId)}`);
      out.push(`  ${' '.repeat(16)}${c.cyan(f.snippet)}`);
      if (f.history) out.push(`  ${' '.repeat(16)}${c.magenta(escapeControlInLine(historyLine(f)))}`);
      if (f.locations) out.push(`  ${' '.repeat(16)}${c.magenta(escapeControlInLine(`${sharedLabel(f)}: ${f.locations.slice(1).map((l) => l.repository).join(', ')}`))}`);
      out.push(`  ${' '.repeat(16)}${c.dim(`→ ${f.remediation}`)}`);
    }
    out.push('');
  }
  for (const s of result.skipped.filter((s) => LISTED_REASONS.has(s.reason))) {
    out.push(c.yellow(escapeControlInLine(`skipped ${fileLabel(s)}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`)));
  }
  for (const note of result.notes ?? []) out.push(c.yellow(escapeControlInLine(`note: ${note}`)));
  for (const stale of result.staleBaseline ?? []) {
    out.push(c.dim(escapeControlInLine(`stale baseline entry: ${stale.ruleId} ${stale.preview} in ${stale.path} no longer found`)));
  }
  if (result.verify) out.push(verifyLine(result.verify, c));
  if (result.revoke) out.push(revokeLine(result.revoke, c));
  if (result.repositories) out.push(...repositoryLines(result.repositories, c));
  if (result.baselined) out.push(c.dim(`${plural(result.baselined, 'finding')} left out: listed in the baseline`));
  const counts = countBySeverity(result.findings);
  const units =
    result.commitsScanned !== undefined
      ? `${plural(result.commitsScanned, 'commit')}, ${plural(result.filesScanned, 'file change')}, ${formatBytes(result.bytesScanned)} of patches`
      : `${plural(result.filesScanned, 'file')}, ${formatBytes(result.bytesScanned)}`;
  const scanned = `${units} in ${Math.round(result.durationMs)} ms`;
  const skipped = Object.entries(countSkipped(result.skipped))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const skippedText = result.skipped.length ? `; ${plural(result.skipped.length, 'file')} skipped (${skipped})` : '';
  if (result.findings.length === 0) {
    out.push(c.green(`✔ no secrets found (${scanned})${skippedText}`));
  } else {
    const detail = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
    out.push(c.red.bold(`✖ ${plural(result.findings.length, 'finding')} (${detail}) in ${scanned}${skippedText}`));
  }
  return `${out.join('\n')}\n`;
};

function historyLine(f: Finding): string {
  const h = f.history!;
  const when = f.location.date ? ` on ${f.location.date.slice(0, 10)}` : '';
  const where = h.inCurrentTree
    ? 'still in HEAD'
    : h.unmergedRefs
      ? `never in HEAD: only on ${h.unmergedRefs.length ? listRefs(h.unmergedRefs) : 'commits no ref holds'}, not merged`
      : 'removed from HEAD, still in history';
  const files = h.files.length > 1 ? ` (${h.files.join(', ')})` : '';
  return `introduced in ${f.location.commit?.slice(0, 10)} by ${f.location.author}${when}; ${plural(h.occurrences, 'occurrence')} in ${plural(h.commits, 'commit')}${files}; ${where}`;
}

/** `[ACTIVE]` in red before the message of a key the vendor still accepts; the other states dimmer. */
function validityBadge(f: Finding, c: InstanceType<typeof Chalk>): string {
  if (!f.validity) return '';
  if (f.validity === 'active') return `${c.red.bold('[ACTIVE]')} `;
  return `${c.dim(`[${f.validity}]`)} `;
}

function verifyLine(v: VerifySummary, c: InstanceType<typeof Chalk>): string {
  const text = `verify: ${plural(v.keys, 'key')} checked (${v.fromCache} from the cache, ${plural(v.requests, 'request')}): ${v.counts.active} active, ${v.counts.inactive} inactive, ${v.counts.unknown} unknown`;
  return v.counts.active ? c.red.bold(text) : c.dim(text);
}

function revokeLine(r: RevokeSummary, c: InstanceType<typeof Chalk>): string {
  if (r.dryRun) return c.dim(`revoke (dry run): ${r.qualifying} key(s) qualify, ${r.alreadyDelivered} already delivered; nothing sent`);
  const text = `revoke: ${r.delivered} delivered, ${r.alreadyDelivered} delivered earlier, ${r.failed.length} failed`;
  return r.failed.length ? c.red(`${text} (kept in the outbox, retried on the next run)`) : c.green(text);
}

/** An organization scan's repositories: the count of each status, and each failed one with its reason. */
function repositoryLines(repositories: NonNullable<ScanResult['repositories']>, c: InstanceType<typeof Chalk>): string[] {
  const counts = countByStatus(repositories);
  const lines = repositories.filter((r) => r.status === 'failed').map((r) => c.red(escapeControlInLine(`failed ${r.repository}: ${r.error ?? 'unknown error'}`)));
  lines.push(`${plural(repositories.length, 'repository', 'repositories')}: ${counts.scanned} scanned, ${counts.unchanged} unchanged since the last run, ${counts.failed} failed`);
  return lines;
}
