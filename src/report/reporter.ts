import type { RuleDescriptor } from './rule-descriptors.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { Finding } from '../engine/types.js';

export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface ReportContext {
  /** The rules that ran, for formats that describe them (SARIF). */
  rules: readonly RuleDescriptor[];
  failOn: FailOn;
  color: boolean;
  version: string;
  /** A link to a finding's line on the repository's host, where one will open (the HTML page). */
  lineLink?: (finding: Finding) => string | undefined;
  /** The repository scanned, for formats that name files and commits in its terms (GitLab's report). */
  repository?: { head?: string; pathInRepository(path: string): string };
  /** `--html-show-secrets`: keys in clear in the HTML page, which redacts them even under --show-secrets. */
  htmlShowSecrets?: boolean;
}

/** Renders a scan result as text to print or write. Reporters see only redacted findings. */
export type Reporter = (result: ScanResult, context: ReportContext) => string;
