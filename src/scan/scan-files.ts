import { now } from '../clock.js';
import { registerKeyFacts, type Detector } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { decode, readLimit, type SkippedFile } from '../sources/read-file.js';
import { walkFiles, type WalkedFile } from '../sources/walk-files.js';
import { detectInFile, detectInRead } from './detect-in-file.js';
import { configIgnoreFilter } from './path-filter.js';
import { sortFindings, type ScanResult } from './scan-result.js';
import type { BatchResult, WorkerSetup } from './scan-worker.js';
import type { ScanPool } from './worker-pool.js';

/** Trees of up to this many files are scanned on the main thread: starting workers costs more than it saves. */
const FILES_BEFORE_WORKERS = 256;

export interface FileScanOptions {
  cwd: string;
  /** Config path ignores, relative to `ignoreBase`. */
  ignore: string[];
  ignoreBase: string;
  maxFileSize: number;
  /** How to make a detector in a worker thread; without it the scan stays on this thread. */
  workers?: Omit<WorkerSetup, 'maxFileSize'>;
}

/** Scans files and folders: walk, read, detect. A file that cannot be read is reported and skipped. */
export async function scanFiles(roots: string[], detector: Detector, options: FileScanOptions): Promise<ScanResult> {
  const started = now();
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  const ignored = configIgnoreFilter(options.ignore, options.ignoreBase);
  const isIgnored = (absolutePath: string) => ignored?.(absolutePath) ?? false;

  const onBatch = (result: BatchResult) => {
    filesScanned += result.filesScanned;
    bytesScanned += result.bytesScanned;
    skipped.push(...result.skipped);
    for (const { finding, facts } of result.findings) {
      if (facts) registerKeyFacts(finding, facts);
      findings.push(finding);
    }
  };

  const scanHere = (file: WalkedFile) => {
    const outcome = detectInFile(file, detector, options.maxFileSize);
    findings.push(...outcome.findings);
    if (outcome.skipped) skipped.push(outcome.skipped);
    if (outcome.bytes !== undefined) {
      filesScanned++;
      bytesScanned += outcome.bytes;
    }
  };

  const walk = walkFiles(roots, { cwd: options.cwd, isIgnored, onSkip: (s) => skipped.push(s) })[Symbol.asyncIterator]();
  // The first files are walked before any is scanned: a large tree starts its workers at once, so that they boot
  // while this thread scans, rather than after it has scanned a small tree's worth.
  const first: WalkedFile[] = [];
  let next = await walk.next();
  for (; !next.done && first.length < FILES_BEFORE_WORKERS; next = await walk.next()) first.push(next.value);
  // Loaded here, not at start-up: most runs (a hook, an editor) never reach this many files.
  const pool = next.done || !options.workers ? undefined : (await import('./worker-pool.js')).ScanPool.start({ ...options.workers, maxFileSize: options.maxFileSize }, onBatch);
  if (!pool) {
    for (const file of first) scanHere(file);
    for (; !next.done; next = await walk.next()) scanHere(next.value);
  } else {
    let batch: WalkedFile[] = [];
    const share = async (file: WalkedFile) => {
      batch.push(file);
      if (batch.length < pool.batchSize) return;
      await shareBatch(pool, batch, scanHere);
      batch = [];
    };
    for (const file of first) await share(file);
    for (; !next.done; next = await walk.next()) await share(next.value);
    await shareBatch(pool, batch, scanHere);
    await pool.close();
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { findings: sortFindings(findings), skipped, filesScanned, bytesScanned, durationMs: now() - started };
}

/**
 * This thread scans too: while no worker has room for the batch (or none has started yet), its files are scanned
 * here one by one, the workers' results taken in after each, so that a worker is handed the rest as soon as it
 * asks for more: a worker that waits on the main thread's batch wastes a core.
 */
async function shareBatch(pool: ScanPool, batch: WalkedFile[], scanHere: (file: WalkedFile) => void): Promise<void> {
  while (batch.length && !pool.offer(batch)) {
    scanHere(batch.pop()!);
    await pool.takeResults();
  }
}

/**
 * Standard input as one chunk, path `<stdin>`. Past `maxFileSize` it stops reading and reports the input as skipped
 * (too large), so `scan - < /dev/zero` holds at most that much in memory.
 */
export async function scanStdin(detector: Detector, input: NodeJS.ReadableStream & { destroy?: () => void }, maxFileSize: number): Promise<ScanResult> {
  const started = now();
  const parts: Buffer[] = [];
  const limit = readLimit(maxFileSize);
  let size = 0;
  for await (const part of input) {
    const buffer = Buffer.isBuffer(part) ? part : Buffer.from(part as string);
    size += buffer.length;
    if (size > limit) {
      input.destroy?.();
      const skipped: SkippedFile[] = [{ path: '<stdin>', reason: 'too-large', detail: `more than ${limit} bytes` }];
      return { findings: [], skipped, filesScanned: 0, bytesScanned: 0, durationMs: now() - started };
    }
    parts.push(buffer);
  }
  const read = decode(Buffer.concat(parts));
  if ('skip' in read) {
    const skipped: SkippedFile[] = [{ path: '<stdin>', reason: read.skip }];
    return { findings: [], skipped, filesScanned: 0, bytesScanned: 0, durationMs: now() - started };
  }
  const findings = detectInRead(detector, { path: '<stdin>' }, read);
  return { findings, skipped: [], filesScanned: 1, bytesScanned: read.bytes, durationMs: now() - started };
}
