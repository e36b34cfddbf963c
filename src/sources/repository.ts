import { resolve } from 'node:path';
import { GitError } from './git.js';

/** What a history scan needs to know about a repository before it starts. */
export interface Repository {
  /** The folder git runs in: the work tree's top, or the git dir of a bare repository. */
  dir: string;
  bare: boolean;
  shallow: boolean;
}

/**
 * Opens the repository holding `path`: a work tree, a linked worktree or a bare repository. One rev-parse asks
 * every fact at once (--show-cdup rather than --show-toplevel, which git refuses in a bare repository).
 */
export async function openRepository(path: string): Promise<Repository> {
  const cwd = resolve(path);
  const { simpleGit } = await import('simple-git');
  let facts: string;
  try {
    facts = await simpleGit({ baseDir: cwd }).revparse(['--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir', '--show-cdup']);
  } catch (error) {
    const message = (error as Error).message;
    if (/ENOENT|spawn git/i.test(message)) throw new GitError('git is not installed (or not on PATH)');
    if (/not a git repository/i.test(message)) throw new GitError(`${path} is not a git repository`);
    throw new GitError(message.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? 'git rev-parse failed');
  }
  const [bare, shallow, gitDir, cdup = ''] = facts.split('\n');
  const isBare = bare === 'true';
  return { dir: isBare ? gitDir! : resolve(cwd, cdup), bare: isBare, shallow: shallow === 'true' };
}
