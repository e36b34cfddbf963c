/**
 * A tree-scan worker: reads and matches the files the main thread sends it, with its own detector made from the
 * same config. Findings go back with their secret beside them (the main thread keeps secrets out of findings).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { keyFactsOf, type KeyFacts } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import type { SkippedFile } from '../sources/read-file.js';
import type { WalkedFile } from '../sources/walk-files.js';
import { createDetector, type DetectorOptions } from './create-detector.js';
import { detectInFile } from './detect-in-file.js';

export interface WorkerSetup {
  config: Config;
  detectorOptions: DetectorOptions;
  maxFileSize: number;
}

export interface BatchResult {
  findings: Array<{ finding: Finding; facts: KeyFacts | undefined }>;
  skipped: SkippedFile[];
  filesScanned: number;
  bytesScanned: number;
}

const setup = workerData as WorkerSetup;
const port = parentPort!;

// An async function rather than top-level await: the CLI's copy of this worker is built as CommonJS.
async function serve(): Promise<void> {
  const detector = await createDetector(setup.config, setup.detectorOptions);
  port.on('message', (batch: WalkedFile[]) => {
    const result: BatchResult = { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0 };
    for (const file of batch) {
      const outcome = detectInFile(file, detector, setup.maxFileSize);
      for (const finding of outcome.findings) result.findings.push({ finding, facts: keyFactsOf(finding) });
      if (outcome.skipped) result.skipped.push(outcome.skipped);
      if (outcome.bytes !== undefined) {
        result.filesScanned++;
        result.bytesScanned += outcome.bytes;
      }
    }
    port.postMessage(result);
  });
  port.postMessage('ready');
}

void serve();
