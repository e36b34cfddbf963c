import { availableParallelism } from 'node:os';
import { gitStream } from './git.js';

/**
 * `git log -p` of many commits, as several git processes at once. Computing the patches is git's work and it does it
 * on one core; cut into batches of commits in `git rev-list` order, each batch shown by its own
 * `git log --no-walk=unsorted --stdin`, the same output comes out on every core. Each batch's output goes to a reader
 * of its own, so batches never interleave mid-commit.
 *
 * Batches shrink as the list runs out (a share of what is left), so the processes finish together rather than one
 * large batch running alone at the end. The list of ids is held (41 bytes a commit); the patches never are.
 */

/** What reads one batch's output: text as it comes, then `end` once git has exited cleanly. */
export interface LogReader {
  write(text: string): void;
  end(): void;
}

export interface ParallelLogOptions {
  /** `git rev-list` arguments that choose the commits (git log prints them in that order). */
  revisions: string[];
  /** `git log` arguments for each commit's output: format and diff options. */
  logArgs: string[];
  /** A reader for the batch whose first commit is the `first`-th listed (0-based, in rev-list order). */
  reader: (first: number) => LogReader;
  /** Git processes at most at once (default: one per core, at most 4, since one thread parses them all). */
  jobs?: number;
  /** The largest batch (default 4000 commits); the smallest is a sixteenth of it. */
  batchSize?: number;
}

/** Runs the batches; resolves with the number of commits listed, rejects with the first git failure. */
export async function parallelLog(cwd: string, options: ParallelLogOptions): Promise<number> {
  const jobs = Math.max(1, options.jobs ?? Math.min(availableParallelism(), 4));
  const largest = Math.max(1, options.batchSize ?? 4000);
  const smallest = Math.max(1, Math.floor(largest / 16));
  const running = new Set<Promise<void>>();
  let failure: unknown;

  // The list, read while the first batches already run.
  const ids: string[] = [];
  let partial = '';
  let listing = true;
  let wake = () => undefined as void;
  const list = gitStream(['rev-list', ...options.revisions], cwd, (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line) ids.push(line);
    wake();
  })
    .then(
      () => {
        if (partial) ids.push(partial);
      },
      (error: unknown) => {
        failure ??= error;
      },
    )
    .finally(() => {
      listing = false;
      wake();
    });

  let taken = 0;
  for (;;) {
    const left = ids.length - taken;
    // While the list grows, only full batches; once it is complete, a share of what is left.
    const share = Math.min(largest, Math.max(smallest, Math.ceil(left / (2 * jobs))));
    const size = listing ? (left >= largest ? largest : 0) : Math.min(left, share);
    if (failure || (!listing && left === 0)) break;
    if (size === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    while (running.size >= jobs) await Promise.race(running);
    if (failure) break;
    const first = taken;
    const input = `${ids.slice(first, first + size).join('\n')}\n`;
    ids.fill('', first, first + size); // handed on: let the strings go
    taken += size;
    const reader = options.reader(first);
    const job: Promise<void> = gitStream(['log', '--no-walk=unsorted', '--stdin', ...options.logArgs], cwd, (text) => reader.write(text), input)
      .then(() => reader.end())
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => running.delete(job));
    running.add(job);
  }
  await Promise.all([...running, list]);
  if (failure) throw failure;
  return taken;
}
