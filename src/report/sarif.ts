import type * as Sarif from 'sarif';
import type { Severity } from '../engine/types.js';
import type { Reporter } from './reporter.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning ranks security results by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.9', warning: '5.0', info: '2.0' };

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: rules with help text in tool.driver.rules, results with
 * relative URIs against %SRCROOT%, and partialFingerprints that survive the line moving.
 */
export const sarifReporter: Reporter = (result, context) => {
  const rules = [...context.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keyward',
            version: context.version,
            informationUri: 'https://github.com/keyward/keyward',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description || rule.title },
              help: {
                text: rule.remediation,
                markdown: `**${rule.title}**\n\n${rule.description}\n\n**What to do:** ${rule.remediation}`,
              },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: {
                tags: ['security', 'secret', ...(rule.vendor ? [rule.vendor] : [])],
                precision: rule.precision,
                'security-severity': SECURITY_SEVERITY[rule.severity],
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${process.cwd().replace(/\\/g, '/')}/` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.skipped.map((s) => ({
                level: 'note' as const,
                message: { text: `skipped: ${s.reason}${s.detail ? ` (${s.detail})` : ''}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(s.path), uriBaseId: '%SRCROOT%' } } }],
              })),
              ...(result.notes ?? []).map((note) => ({ level: 'note' as const, message: { text: note } })),
            ],
          },
        ],
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId)! } : {}),
          level: LEVEL[f.severity],
          message: { text: `${f.message} (${f.preview}). ${f.remediation}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(f.location.path), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.location.line,
                  startColumn: f.location.column,
                  endColumn: f.location.endColumn,
                  snippet: { text: f.snippet },
                },
              },
            },
          ],
          partialFingerprints: { 'keyward/v1': f.fingerprint },
          ...(f.location.commit || f.validity || f.location.repository
            ? {
                properties: {
                  ...(f.location.repository ? { repository: f.location.repository } : {}),
                  ...(f.locations ? { locations: f.locations } : {}),
                  ...(f.new !== undefined ? { new: f.new } : {}),
                  ...(f.validity ? { validity: f.validity } : {}),
                  ...(f.location.commit ? { commit: f.location.commit, author: f.location.author, date: f.location.date } : {}),
                  ...(f.history ? { history: f.history } : {}),
                },
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
