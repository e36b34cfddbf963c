import { resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { GitError } from './git.js';

/** What a history scan needs to know about a repository before it starts. */
export interface Repository {
  /** The folder git runs in: the work tree's top, or the git dir of a bare repository. */
  dir: string;
  bare: boolean;
  shallow: boolean;
  /** HEAD's commit, absent in a repository with no commit yet. */
  head?: string;
  remoteUrl?: string;
}

/** Opens the repository holding `path`: a work tree, a linked worktree or a bare repository. */
export async function openRepository(path: string): Promise<Repository> {
  const cwd = resolve(path);
  const repo = simpleGit({ baseDir: cwd });
  let facts: string;
  try {
    facts = await repo.revparse(['--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir']);
  } catch (error) {
    const message = (error as Error).message;
    if (/ENOENT|spawn git/i.test(message)) throw new GitError('git is not installed (or not on PATH)');
    if (/not a git repository/i.test(message)) throw new GitError(`${path} is not a git repository`);
    throw new GitError(message.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? 'git rev-parse failed');
  }
  const [bare, shallow, gitDir] = facts.trim().split('\n');
  const isBare = bare === 'true';
  // A bare repository has no work tree to name (git refuses --show-toplevel there): it runs in its git dir.
  const dir = isBare ? gitDir! : (await repo.revparse(['--show-toplevel'])).trim() || cwd;
  const head = await repo.revparse(['--verify', '--quiet', 'HEAD^{commit}']).catch(() => '');
  const remote = (await repo.getRemotes(true).catch(() => [])).find((r) => r.name === 'origin');
  return {
    dir,
    bare: isBare,
    shallow: shallow === 'true',
    ...(head.trim() ? { head: head.trim() } : {}),
    ...(remote?.refs.fetch ? { remoteUrl: remote.refs.fetch } : {}),
  };
}
