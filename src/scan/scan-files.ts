import type { Detector } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { readTextFile, type SkippedFile } from '../sources/read-file.js';
import { walkFiles } from '../sources/walk-files.js';
import { configIgnoreFilter } from './path-filter.js';
import { sortFindings, type ScanResult } from './scan-result.js';

export interface FileScanOptions {
  cwd: string;
  /** Config path ignores, relative to `ignoreBase`. */
  ignore: string[];
  ignoreBase: string;
  maxFileSize: number;
}

/** Scans files and folders: walk, read, detect. A file that cannot be read is reported and skipped. */
export async function scanFiles(roots: string[], detector: Detector, options: FileScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  const ignored = configIgnoreFilter(options.ignore, options.ignoreBase);
  const isIgnored = (absolutePath: string) => ignored?.(absolutePath) ?? false;

  for await (const file of walkFiles(roots, { cwd: options.cwd, isIgnored, onSkip: (s) => skipped.push(s) })) {
    const read = readTextFile(file.absolutePath, options.maxFileSize);
    if ('skip' in read) {
      skipped.push({ path: file.path, reason: read.skip, ...(read.detail ? { detail: read.detail } : {}) });
      continue;
    }
    filesScanned++;
    bytesScanned += read.bytes;
    const origin = file.projectPath === file.path ? { path: file.path } : { path: file.path, projectPath: file.projectPath };
    findings.push(...detector.detect({ origin, text: read.text }));
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { findings: sortFindings(findings), skipped, filesScanned, bytesScanned, durationMs: performance.now() - started };
}

/** Standard input as one chunk, path `<stdin>`. */
export async function scanStdin(detector: Detector, input: NodeJS.ReadableStream): Promise<ScanResult> {
  const started = performance.now();
  const parts: Buffer[] = [];
  for await (const part of input) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part as string));
  const text = Buffer.concat(parts).toString('utf8');
  const findings = detector.detect({ origin: { path: '<stdin>' }, text });
  return { findings, skipped: [], filesScanned: 1, bytesScanned: Buffer.byteLength(text), durationMs: performance.now() - started };
}
