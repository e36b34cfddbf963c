import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../engine/types.js';
import type { ReportContext, Reporter } from './reporter.js';

/** The version of GitLab's security-report schema the report declares (test/report/gitlab-schema/ holds its copy). */
export const GITLAB_SCHEMA_VERSION = '15.2.4';

/** What GitLab's own secret detection writes when the finding is not tied to a commit (a working-tree scan). */
const NO_COMMIT = '0000000';

const SEVERITY: Record<Severity, 'Critical' | 'Medium' | 'Info'> = { error: 'Critical', warning: 'Medium', info: 'Info' };

const KEYWARD = { id: 'keyward', name: 'keyward', url: 'https://github.com/keyward/keyward', vendor: { name: 'keyward' } };

/**
 * GitLab's secret-detection report (gl-secret-detection-report.json, published with `artifacts: reports:
 * secret_detection`): the merge request widget, the pipeline's security tab and the vulnerability report read it.
 * Everything in it is redacted as in every report: the evidence is the preview, never the key.
 */
export const gitlabReporter: Reporter = (result, context) => {
  const end = new Date();
  const start = new Date(end.getTime() - result.durationMs);
  const messages = [
    ...(result.notes ?? []).map((note) => ({ level: 'info', value: note })),
    ...result.skipped.map((s) => ({ level: 'warn', value: `not scanned: ${s.path} (${s.reason}${s.detail ? `: ${s.detail}` : ''})` })),
  ];
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    scan: {
      analyzer: { ...KEYWARD, version: context.version },
      scanner: { ...KEYWARD, version: context.version },
      type: 'secret_detection',
      start_time: timestamp(start),
      end_time: timestamp(end),
      status: 'success',
      ...(messages.length ? { messages } : {}),
    },
    vulnerabilities: result.findings.map((f) => vulnerability(f, context)),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};

function vulnerability(f: Finding, context: ReportContext) {
  const sha = f.location.commit ?? context.repository?.head ?? NO_COMMIT;
  const file = context.repository ? context.repository.pathInRepository(f.location.path) : f.location.path;
  return {
    id: stableId(f.fingerprint, file, f.location.line, sha),
    name: f.title.slice(0, 255),
    description: f.location.repository ? `${f.message} (in ${f.location.repository})` : f.message,
    severity: SEVERITY[f.severity],
    solution: f.remediation.slice(0, 7000),
    identifiers: [{ type: 'keyward_rule_id', name: `keyward rule ${f.ruleId}`, value: f.ruleId }],
    location: {
      file,
      start_line: f.location.line,
      end_line: f.location.line,
      commit: { sha, ...(f.location.author ? { author: f.location.author } : {}), ...(f.location.date ? { date: f.location.date } : {}) },
    },
    raw_source_code_extract: f.snippet,
    details: details(f),
  };
}

/** What GitLab shows beside the finding (named fields, as the schema's details are): the redacted key, and what verification and history found. */
function details(f: Finding) {
  const items: Record<string, { name: string; type: 'text' | 'value'; value: string | number | boolean }> = {
    preview: { name: 'Key (redacted)', type: 'text', value: f.preview },
  };
  if (f.validity) items.validity = { name: 'Vendor says the key is', type: 'text', value: f.validity };
  if (f.vendor) items.vendor = { name: 'Vendor', type: 'text', value: f.vendor };
  if (f.history) {
    items.in_current_tree = { name: 'Still in the current tree', type: 'value', value: f.history.inCurrentTree };
    items.commits = { name: 'Commits that added it', type: 'value', value: f.history.commits };
  }
  return items;
}

/** A UUID-shaped id that stays the same from one run to the next for the same key at the same place. */
function stableId(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\0')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `yyyy-mm-ddThh:mm:ss` in UTC, the only shape the schema accepts. */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 19);
}
