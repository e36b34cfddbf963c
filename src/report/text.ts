import { Chalk } from 'chalk';
import type { Finding } from '../engine/types.js';
import type { Reporter } from './reporter.js';
import { countBySeverity, countSkipped, formatBytes, plural } from './summary.js';

/** Skip reasons worth listing file by file (the others are only counted). */
const LISTED_REASONS = new Set(['unreadable', 'too-large', 'not-a-file']);

/** Human output, eslint-style: findings grouped by file, the line redacted, the remedy, a summary line. */
export const textReporter: Reporter = (result, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const colour = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.location.commit ? `${f.location.path} @ ${f.location.commit.slice(0, 10)}` : f.location.path;
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  for (const [file, findings] of byFile) {
    out.push(c.underline(file));
    for (const f of findings) {
      const where = `${f.location.line}:${f.location.column}`.padEnd(8);
      out.push(`  ${c.dim(where)}${colour[f.severity](f.severity.padEnd(8))}${f.message}  ${c.dim(f.ruleId)}`);
      out.push(`  ${' '.repeat(16)}${c.cyan(f.snippet)}`);
      out.push(`  ${' '.repeat(16)}${c.dim(`→ ${f.remediation}`)}`);
    }
    out.push('');
  }
  for (const s of result.skipped.filter((s) => LISTED_REASONS.has(s.reason))) {
    out.push(c.yellow(`skipped ${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`));
  }
  const counts = countBySeverity(result.findings);
  const scanned = `${plural(result.filesScanned, 'file')}, ${formatBytes(result.bytesScanned)} in ${Math.round(result.durationMs)} ms`;
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
