import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from '../hash.js';
import { git, GitError, gitStream } from '../sources/git.js';
import { gitEnvironment, scrub, type GitCredential } from './credentials.js';
import type { ListedRepository } from './listed-repository.js';

/**
 * The folder of a repository's mirror in the cache: a readable name (host and path) and a hash of the whole URL, so
 * two URLs never share a folder and the name says what it holds.
 */
export function mirrorFolder(cacheDir: string, repository: string): string {
  const readable = repository
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\.git$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[_.]+/, '')
    .slice(-80);
  return join(cacheDir, `${readable}-${createHash('sha256').update(repository).digest('hex').slice(0, 10)}.git`);
}

/**
 * A bare mirror of the repository, up to date: `git fetch --prune` when the cache has it, else `git clone --mirror`
 * into a temporary name that is renamed once complete, so a clone stopped halfway never passes for a mirror.
 * The URL stored in the mirror is the one without credentials; the credential goes by header (credentials.ts).
 */
export async function updateMirror(repo: ListedRepository, cacheDir: string, signal: AbortSignal): Promise<string> {
  const dir = mirrorFolder(cacheDir, repo.repository);
  const run = { signal, env: gitEnvironment(repo.credential) };
  if (isMirrorOf(dir, repo.source)) {
    await quietGit(['fetch', '--prune', '--quiet', 'origin'], dir, run, repo.credential);
    return dir;
  }
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await quietGit(['clone', '--mirror', '--quiet', '--', repo.source, partial], cacheDir, run, repo.credential);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** Whether the folder holds a mirror of that URL (a folder left by something else is cloned over). */
function isMirrorOf(dir: string, source: string): boolean {
  if (!existsSync(dir)) return false;
  try {
    return git(['config', '--get', 'remote.origin.url'], dir).trim() === source;
  } catch {
    return false;
  }
}

/** A git command whose output is not needed; its failure names git's own reason, without credentials. */
async function quietGit(args: string[], cwd: string, run: { signal: AbortSignal; env: NodeJS.ProcessEnv }, credential: GitCredential | undefined): Promise<void> {
  try {
    await gitStream(args, cwd, () => undefined, undefined, run);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GitError(`git ${args[0]}: ${scrub(message, [credential?.password, credential?.username])}`);
  }
}
