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

/** Batches queued per worker: enough that it has work while the main thread scans a file between two offers. */
const QUEUE_PER_WORKER = 2;

/**
 * Worker threads that read and match batches of files, one per core but one: the main thread is a scanner too,
 * taking the batches no worker has room for. A worker starts cold (its modules, its detector, its compiled code and
 * regexes: some 500 ms of CPU on node_modules before it runs at full speed), so a thread fewer to warm is work saved;
 * on two cores, two workers beside an idle main thread scanned node_modules no faster than one. At most a few
 * batches are queued per worker, so memory stays flat however large the tree. Undefined when there is no built worker
 * script (tests run from the sources) or only one core: the caller then scans on its own thread.
 */
export class ScanPool {
  private readonly workers: Array<{ worker: Worker; queued: number; ready: boolean }>;
  private readonly waiting = new Set<() => void>();
  private failure: Error | undefined;

  private constructor(script: string, setup: WorkerSetup, size: number, private readonly onResult: (result: BatchResult) => void) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: setup });
      const entry = { worker, queued: 0, ready: false };
      worker.on('message', (message: BatchResult | 'ready') => {
        if (message === 'ready') entry.ready = true;
        else {
          entry.queued--;
          this.onResult(message);
        }
        this.wakeAll();
      });
      worker.on('error', (error) => {
        this.failure = error;
        this.wakeAll();
      });
      return entry;
    });
  }

  /** Files per message (BATCH_SIZE). */
  readonly batchSize = BATCH_SIZE;

  static start(setup: WorkerSetup, onResult: (result: BatchResult) => void): ScanPool | undefined {
    const script = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
    const size = availableParallelism() - 1;
    if (size < 1 || !existsSync(script)) return undefined;
    return new ScanPool(script, setup, size, onResult);
  }

  /**
   * Hands a batch to the least busy worker that has started and has room, and says whether one took it; when none
   * did, the caller scans the batch itself and then calls `takeResults`.
   */
  offer(batch: WalkedFile[]): boolean {
    if (this.failure) throw this.failure;
    let best: (typeof this.workers)[number] | undefined;
    for (const entry of this.workers) {
      if (entry.ready && entry.queued < QUEUE_PER_WORKER && (!best || entry.queued < best.queued)) best = entry;
    }
    if (!best) return false;
    best.queued++;
    best.worker.postMessage(batch);
    return true;
  }

  /** Lets the workers' messages in (results, a worker now ready): the walk and the main thread's scan never yield. */
  takeResults(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Waits for every batch, then stops the workers. */
  async close(): Promise<void> {
    while (this.workers.some((w) => w.queued > 0)) {
      if (this.failure) throw this.failure;
      await this.nextMessage();
    }
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private nextMessage(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
    });
  }

  private wakeAll(): void {
    for (const wake of this.waiting) wake();
  }
}
