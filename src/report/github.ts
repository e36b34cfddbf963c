import { escapeControl } from '../engine/control-characters.js';
import type { Severity, Validity } from '../engine/types.js';
import type { Reporter } from './reporter.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const VALIDITY_TITLE: Record<Validity, string> = { active: 'ACTIVE key:', inactive: 'inactive key:', unknown: 'validity unknown:' };

/**
 * Escaping of GitHub workflow commands: data and property values differ (properties also escape `:` and `,`).
 * Control characters become visible escapes first: a line break would end the command, an ESC reach the log viewer.
 */
function escapeData(text: string): string {
  return escapeControl(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: one `::error file=…,line=…::…` workflow command per finding. */
export const githubReporter: Reporter = (result) =>
  result.findings
    .map((f) => {
      const { path, line, column, endColumn } = f.location;
      const props = `file=${escapeProperty(path)},line=${line},endLine=${line},col=${column},endColumn=${endColumn},title=${escapeProperty(`keyward: ${f.validity ? `${VALIDITY_TITLE[f.validity]} ` : ''}${f.title}`)}`;
      return `::${COMMAND[f.severity]} ${props}::${escapeData(`${f.message} (${f.preview}, ${f.ruleId}). ${f.remediation}`)}\n`;
    })
    .join('');
