import type { Finding } from '../engine/types.js';
import type { SkippedFile } from '../sources/read-file.js';

/** What a scan found and what it could not read: the input of every reporter. */
export interface ScanResult {
  findings: Finding[];
  skipped: SkippedFile[];
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
}
