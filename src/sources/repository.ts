import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { git, GitError } from './git.js';

/** What a history scan needs to know about a repository before it starts. */
export interface Repository {
  /** The folder git runs in: the work tree's top, or the git dir of a bare repository. */
  dir: string;
  bare: boolean;
  shallow: boolean;
}

/**
 * Opens the repository holding `path`: a work tree, a linked worktree or a bare repository. One rev-parse asks
 * every fact at once (--show-cdup rather than --show-toplevel, which git refuses in a bare repository). Plain
 * spawnSync, not simple-git: importing simple-git cost 66 ms, a quarter of the pre-commit hook's budget.
 */
export async function openRepository(path: string): Promise<Repository> {
  const cwd = resolve(path);
  if (!existsSync(cwd)) throw new GitError(`${path}: no such folder`);
  let facts: string;
  try {
    facts = git(['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir', '--show-cdup'], cwd);
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`${path} is not a git repository`);
    throw error;
  }
  const [bare, shallow, gitDir, cdup = ''] = facts.split('\n');
  const isBare = bare === 'true';
  return { dir: isBare ? gitDir! : resolve(cwd, cdup), bare: isBare, shallow: shallow === 'true' };
}

/** The top of the work tree holding `dir`, or undefined outside one (or without git): for commands that work either way. */
export function repositoryTop(dir: string): string | undefined {
  try {
    return git(['rev-parse', '--show-toplevel'], dir).trim() || undefined;
  } catch {
    return undefined;
  }
}
