import { escapeControlInLine } from '../engine/control-characters.js';
import type { Finding } from '../engine/types.js';
import type { Reporter } from './reporter.js';
import { countBySeverity, fileLabel, plural, sharedLabel } from './summary.js';

const ICON = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' } as const;
const VALIDITY = { active: '**active**', inactive: 'inactive', unknown: 'unknown' } as const;

/** A table cell: pipes and line breaks would break the table; control characters are shown as escapes. */
function cell(text: string): string {
  return escapeControlInLine(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** A Markdown summary (the GitHub job summary): a table of findings, redacted, and the run's notes. */
export const markdownReporter: Reporter = (result) => {
  const counts = countBySeverity(result.findings);
  const lines = [
    `## keyward: ${result.findings.length === 0 ? 'no secrets found' : plural(result.findings.length, 'finding')}`,
    '',
  ];
  if (result.findings.length) {
    lines.push(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`, '');
    lines.push(...findingsPie(result.findings), '');
    const verified = result.findings.some((f) => f.validity);
    lines.push(
      `| Severity |${verified ? ' Validity |' : ''} Rule | Where | Key | Commit | What to do |`,
      `|---|${verified ? '---|' : ''}---|---|---|---|---|`,
    );
    for (const f of result.findings) {
      const where = `\`${cell(fileLabel(f.location))}:${f.location.line}\`${f.locations ? ` (${sharedLabel(f)})` : ''}`;
      const commit = f.location.commit ? `\`${f.location.commit.slice(0, 10)}\`` : '';
      const validity = verified ? ` ${f.validity ? VALIDITY[f.validity] : 'not verified'} |` : '';
      lines.push(`| ${ICON[f.severity]} |${validity} ${cell(f.title)} (\`${f.ruleId}\`) | ${where} | \`${cell(f.preview)}\` | ${commit} | ${cell(f.remediation)} |`);
    }
    lines.push('');
  }
  if (result.verify) {
    const { counts, keys } = result.verify;
    lines.push(`Verified ${plural(keys, 'key')} with their vendors: ${counts.active} active, ${counts.inactive} inactive, ${counts.unknown} unknown.`, '');
  }
  for (const note of result.notes ?? []) lines.push(`> ${cell(note)}`, '');
  if (result.baselined) lines.push(`${plural(result.baselined, 'finding')} left out: listed in the baseline.`, '');
  return `${lines.join('\n')}\n`;
};

/** Slices beyond these are one "other" slice: a pie of forty slivers says nothing. */
const PIE_SLICES = 8;

/**
 * A Mermaid pie of the findings by vendor (the rule's id when it names none), which GitHub draws in job summaries,
 * issues and READMEs. Labels lose the characters Mermaid's quoted labels cannot hold.
 */
export function findingsPie(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const label = (f.vendor ?? f.ruleId).replace(/[^\p{L}\p{N} ._()/+-]/gu, '');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, PIE_SLICES);
  const other = sorted.slice(PIE_SLICES).reduce((sum, [, n]) => sum + n, 0);
  if (other) shown.push(['other', other]);
  return ['```mermaid', 'pie showData title Findings by vendor', ...shown.map(([label, n]) => `    "${label}" : ${n}`), '```'];
}

