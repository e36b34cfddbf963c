import type { RuleDescriptor } from './rule-descriptors.js';
import type { ScanResult } from '../scan/scan-result.js';

export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface ReportContext {
  /** The rules that ran, for formats that describe them (SARIF). */
  rules: readonly RuleDescriptor[];
  failOn: FailOn;
  color: boolean;
  version: string;
}

/** Renders a scan result as text to print or write. Reporters see only redacted findings. */
export type Reporter = (result: ScanResult, context: ReportContext) => string;
