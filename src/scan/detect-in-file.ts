import type { Detector } from '../engine/detector.js';
import type { Finding, Origin } from '../engine/types.js';
import { gitBlobId } from '../sources/blob-id.js';
import { readTextFile, type SkippedFile } from '../sources/read-file.js';
import type { WalkedFile } from '../sources/walk-files.js';

export interface FileOutcome {
  findings: Finding[];
  /** Bytes read as text; absent when the file was skipped. */
  bytes?: number;
  skipped?: SkippedFile;
}

/**
 * One file of a tree scan, on the main thread or in a worker: read it as text and detect; a binary file whose name
 * says it holds keys (a .p12, an id_rsa) is judged by that name; anything else that cannot be read is a skip.
 */
export function detectInFile(file: WalkedFile, detector: Detector, maxFileSize: number): FileOutcome {
  const origin: Origin = file.projectPath === file.path ? { path: file.path } : { path: file.path, projectPath: file.projectPath };
  const read = readTextFile(file.absolutePath, maxFileSize);
  if (!('skip' in read)) return { findings: detectInRead(detector, origin, read), bytes: read.bytes };
  if (read.skip === 'binary' && detector.namesKeyFile(file.path)) {
    const identity = gitBlobId(file.absolutePath);
    if (identity) return { findings: detector.detectBinaryFile(origin, identity) };
  }
  return { findings: [], skipped: { path: file.path, reason: read.skip, ...(read.detail ? { detail: read.detail } : {}) } };
}

/**
 * The findings in text just read: the keyword pass is made over the bytes read when they were UTF-8, not over the
 * decoded text, several times faster (keyword-lanes.ts).
 */
export function detectInRead(detector: Detector, origin: Origin, read: { text: string; utf8?: Buffer }): Finding[] {
  const hits = read.utf8 && detector.keywordHitsOfUtf8(read.utf8);
  return detector.detect({ origin, text: read.text, hits });
}
