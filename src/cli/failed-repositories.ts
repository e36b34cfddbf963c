import type { ScanResult } from '../scan/scan-result.js';
import { EXIT } from './usage-error.js';

/**
 * An organization report's exit code: each repository that could not be scanned named on stderr, then 2 (the report
 * is written already), unless `--allow-partial` lets the findings' code stand.
 */
export function exitAfterFailures(result: ScanResult, findingsCode: number, allowPartial: boolean | undefined): number {
  const failed = result.repositories?.filter((repo) => repo.status === 'failed') ?? [];
  for (const repo of failed) process.stderr.write(`keyward: ${repo.repository}: ${repo.error}\n`);
  return failed.length && !allowPartial ? EXIT.usage : findingsCode;
}
