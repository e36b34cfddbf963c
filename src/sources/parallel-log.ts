import { availableParallelism } from 'node:os';
import { now } from '../clock.js';
import { GitError, gitBytes, gitLines } from './git.js';
import { pathsHoldingObject, unreadableObjectIn } from './unreadable-objects.js';

/**
 * `git log -p` of many commits, as several git processes at once. Computing the patches is git's work and it does it
 * on one core; cut into batches of commits in `git rev-list` order, each batch shown by its own
 * `git log --no-walk=unsorted --stdin`, the same output comes out on every core. Each batch's output goes to a reader
 * of its own, so batches never interleave mid-commit.
 *
 * Batches shrink as the list runs out (a share of what is left), so the processes finish together rather than one
 * large batch running alone at the end. The shares are small (an eighth of what is left for two processes): the
 * cost of a commit is unknown before git shows it, and recent commits are often the heavy ones (built bundles),
 * so a large first batch would hold most of the work. Each batch costs a git start and a cold cache (10 to 20 ms
 * on a history of bundles), so once batches have finished, none is given less than MIN_BATCH_MS of work at their
 * pace. The list of ids is held (41 bytes a commit); the patches never are.
 */

/** What reads one batch's output: bytes as they come, then `end` once git has exited (or stopped at an unreadable object). */
export interface LogReader {
  write(bytes: Buffer): void;
  end(): void;
  /** How many commits' output it has read so far, and the paths it has read of the last one. */
  progress?(): { commits: number; pathsOfLastCommit: string[] };
}

/** An object git could not read, and the commit whose diff needed it. */
export interface UnreadableObject {
  object: string;
  commit: string;
  /** The paths of that commit that hold it; empty when none could be named (the commit was then not scanned). */
  paths: string[];
}

export interface ParallelLogOptions {
  /** `git rev-list` arguments that choose the commits (git log prints them in that order). */
  revisions: string[];
  /**
   * More revisions, one a line, given to `git rev-list --stdin` (`^id` excludes): a list of thousands (a mirror's
   * tips of every pull request) would not fit on a command line.
   */
  revisionInput?: string[];
  /** `git log` arguments for each commit's output: format and diff options. */
  logArgs: string[];
  /** `-c name=value` settings for each git log (such as core.bigFileThreshold). */
  gitConfig?: string[];
  /** A reader for the batch whose first commit is the `first`-th listed (0-based, in rev-list order). */
  reader: (first: number) => LogReader;
  /** Git processes at most at once (default: one per core, at most 4, since one thread parses them all). */
  jobs?: number;
  /** The largest batch (default 4000 commits); the smallest is a sixty-fourth of it. */
  batchSize?: number;
  /**
   * Called for each object git cannot read (a missing blob): the rest of that commit and of its batch are then read
   * without it. Without this, such a failure ends the whole run.
   */
  onUnreadable?: (unreadable: UnreadableObject) => void;
  /** Stops every git process (a per-repository timeout): the run then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The least work a batch is given once the pace is known: a git start and its cold caches cost 10 to 20 ms, which
 * small batches of cheap commits (a history of small changes) would pay hundreds of times.
 */
const MIN_BATCH_MS = 100;

/** Runs the batches; resolves with the number of commits listed, rejects with the first git failure. */
export async function parallelLog(cwd: string, options: ParallelLogOptions): Promise<number> {
  const jobs = Math.max(1, options.jobs ?? Math.min(availableParallelism(), 4));
  const largest = Math.max(1, options.batchSize ?? 4000);
  const smallest = Math.max(1, Math.floor(largest / 64));
  const running = new Set<Promise<void>>();
  let failure: unknown;

  // The list, read while the first batches already run.
  const ids: string[] = [];
  let listing = true;
  let wake = () => undefined as void;
  const stdin = options.revisionInput?.length ? { args: ['--stdin'], input: `${options.revisionInput.join('\n')}\n` } : { args: [], input: undefined };
  // Each id wakes the loop below; it runs again once the block of ids that came with it is taken in.
  const list = gitLines(['rev-list', ...stdin.args, ...options.revisions], cwd, (id) => {
    ids.push(id);
    wake();
  }, stdin.input, { signal: options.signal })
    .catch((error: unknown) => {
      failure ??= error;
    })
    .finally(() => {
      listing = false;
      wake();
    });

  let taken = 0;
  // The pace of the batches that have finished: a batch is made worth its git start (see MIN_BATCH_MS).
  let pace = { milliseconds: 0, commits: 0 };
  for (;;) {
    if (failure) break;
    if (running.size >= jobs) {
      await Promise.race(running);
      continue;
    }
    const left = ids.length - taken;
    if (!listing && left === 0) break;
    // While the list grows, only full batches; once it is complete, a share of what is left.
    const worthwhile = pace.commits ? Math.ceil((MIN_BATCH_MS * pace.commits) / Math.max(1, pace.milliseconds)) : 0;
    const share = Math.min(largest, Math.max(smallest, worthwhile, Math.ceil(left / (4 * jobs))));
    const size = listing ? (left >= largest ? largest : 0) : Math.min(left, share);
    if (size === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const first = taken;
    const batch = ids.slice(first, first + size);
    ids.fill('', first, first + size); // handed on: let the strings go
    taken += size;
    const started = now();
    const job: Promise<void> = runBatch(cwd, options, batch, first, [])
      .then(() => {
        pace = { milliseconds: pace.milliseconds + now() - started, commits: pace.commits + size };
      })
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

/**
 * One `git log --stdin` over a batch of commits. When git stops at an object it cannot read, the commit it was
 * showing is shown again without the paths already read and the paths holding that object, and the rest of the
 * batch runs as a batch of its own: one lost blob costs that blob, not the scan.
 */
async function runBatch(cwd: string, options: ParallelLogOptions, batch: string[], first: number, excluded: string[]): Promise<void> {
  const reader = options.reader(first);
  const pathspec = excluded.length ? ['--', '.', ...excluded.map((path) => `:(exclude,literal)${path}`)] : [];
  const args = [...(options.gitConfig ?? []), 'log', '--no-walk=unsorted', '--stdin', ...options.logArgs, ...pathspec];
  try {
    await gitBytes(args, cwd, (bytes) => reader.write(bytes), `${batch.join('\n')}\n`, { signal: options.signal });
  } catch (error) {
    const object = error instanceof GitError && options.onUnreadable && reader.progress ? unreadableObjectIn(error.message) : undefined;
    if (!object) throw error;
    reader.end();
    const { commits, pathsOfLastCommit } = reader.progress!();
    const at = Math.max(0, commits - 1);
    const commit = batch[at]!;
    const paths = pathsHoldingObject(cwd, commit, object);
    options.onUnreadable!({ object, commit, paths });
    // Shown again without what was read and what cannot be: only when the object has a path (else it would fail again).
    if (paths.some((path) => !excluded.includes(path))) {
      await runBatch(cwd, options, [commit], first + at, [...new Set([...excluded, ...pathsOfLastCommit, ...paths])]);
    }
    if (at + 1 < batch.length) await runBatch(cwd, options, batch.slice(at + 1), first + at + 1, []);
    return;
  }
  reader.end();
}
