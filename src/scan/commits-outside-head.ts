import { gitLines } from '../sources/git.js';

/**
 * The scanned commits HEAD does not reach, for findings found only in history: was the key removed on the main line,
 * or is it on a branch never merged? One `git rev-list <what is scanned> ^HEAD` answers for every commit at once. It
 * is started by the first finding and runs beside the log, so the scan's end does not wait for a walk of HEAD's
 * history (40 ms for 10,000 commits, when asked at the end about the commits that hold findings). Its list is
 * usually short: the commits of unmerged branches.
 */
export class CommitsOutsideHead {
  private listing: Promise<Set<string>> | undefined;
  private readonly stopper = new AbortController();

  /** `scanned`: rev-list's arguments for every commit the scan may read (`--all`, a branch, a range). */
  constructor(
    private readonly dir: string,
    private readonly scanned: string[],
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Starts the listing, once; a scan without findings never pays for it. */
  start(): void {
    this.listing ??= this.list();
  }

  /** Which of `commits` (all of them scanned) HEAD does not reach; none in a repository without a HEAD. */
  async among(commits: readonly string[]): Promise<Set<string>> {
    if (commits.length === 0) return new Set();
    this.start();
    const outside = await this.listing!;
    return new Set(commits.filter((commit) => outside.has(commit)));
  }

  /** Stops the listing, if it still runs: a scan that failed must not wait for it to exit. */
  stop(): void {
    this.stopper.abort();
  }

  private async list(): Promise<Set<string>> {
    const outside = new Set<string>();
    try {
      await gitLines(['rev-list', ...this.scanned, '^HEAD'], this.dir, (id) => outside.add(id), undefined, { signal: this.stopper.signal });
    } catch {
      return new Set(); // no HEAD at all (nothing to tell apart), or the scan was stopped
    }
    return outside;
  }
}
