import type { Finding } from '../engine/types.js';
import type { Reporter } from './reporter.js';

const COLUMNS: Array<[string, (f: Finding) => string | number | undefined]> = [
  ['severity', (f) => f.severity],
  ['validity', (f) => f.validity],
  ['rule', (f) => f.ruleId],
  ['vendor', (f) => f.vendor],
  ['title', (f) => f.title],
  ['path', (f) => f.location.path],
  ['line', (f) => f.location.line],
  ['column', (f) => f.location.column],
  ['commit', (f) => f.location.commit],
  ['author', (f) => f.location.author],
  ['date', (f) => f.location.date],
  ['preview', (f) => f.preview],
  ['fingerprint', (f) => f.fingerprint],
  ['remediation', (f) => f.remediation],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A text that a spreadsheet would run
 * as a formula (= + - @, tab, carriage return first) gets a leading apostrophe: file names and authors come from the
 * repository, and a report must not execute them when opened.
 */
function field(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for spreadsheets: a header row, then one row per finding (redacted, as every report). */
export const csvReporter: Reporter = (result) => {
  // An organization scan's report names each finding's repository first.
  const columns: typeof COLUMNS = result.repositories ? [['repository', (f) => f.location.repository], ...COLUMNS] : COLUMNS;
  return [columns.map(([name]) => name), ...result.findings.map((f) => columns.map(([, get]) => get(f)))].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
};
