import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WalkedFile } from '../sources/walk-files.js';
import type { BatchResult, WorkerSetup } from './scan-worker.js';

/**
 * Files per message: large enough that messaging costs little, small enough to keep every worker busy. A batch is
 * dealt before its files' sizes are known, so at the end of a tree one worker may still hold a queue of large files
 * while the other waits: with 64 files a batch, one of two workers idled a sixth of a node_modules scan.
 */
export const BATCH_SIZE = 16;

/**
 * Worker threads that read and match batches of files, one per core, at most two batches queued per worker so
 * that memory stays flat however large the tree. Undefined when there is no built worker script (tests run from
 * the sources) or only one core: the caller then scans on its own thread.
 */
export class ScanPool {
  private readonly workers: Array<{ worker: Worker; queued: number; ready: Promise<void> }>;
  private readonly waiting = new Set<() => void>();
  private failure: Error | undefined;

  private constructor(script: string, setup: WorkerSetup, size: number, private readonly onResult: (result: BatchResult) => void) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: setup });
      const entry = { worker, queued: 0, ready: Promise.resolve() };
      entry.ready = new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', () => resolve());
      });
      worker.on('message', (message: BatchResult | 'ready') => {
        if (message === 'ready') return;
        entry.queued--;
        this.onResult(message);
        for (const wake of this.waiting) wake();
      });
      worker.on('error', (error) => {
        this.failure = error;
        for (const wake of this.waiting) wake();
      });
      return entry;
    });
  }

  /** Files per message (BATCH_SIZE). */
  readonly batchSize = BATCH_SIZE;

  static start(setup: WorkerSetup, onResult: (result: BatchResult) => void): ScanPool | undefined {
    const script = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
    const size = availableParallelism();
    if (size < 2 || !existsSync(script)) return undefined;
    return new ScanPool(script, setup, size, onResult);
  }

  /** Hands a batch to the least busy worker, waiting while every worker has two queued. */
  async submit(batch: WalkedFile[]): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      const entry = this.workers.reduce((best, w) => (w.queued < best.queued ? w : best));
      if (entry.queued < 2) {
        await entry.ready;
        entry.queued++;
        entry.worker.postMessage(batch);
        return;
      }
      await this.nextResult();
    }
  }

  /** Waits for every batch, then stops the workers. */
  async close(): Promise<void> {
    while (this.workers.some((w) => w.queued > 0)) {
      if (this.failure) throw this.failure;
      await this.nextResult();
    }
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private nextResult(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
    });
  }
}
