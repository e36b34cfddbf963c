// A real public repository for the bench, cloned into bench/work/real from what is at hand offline:
// KEYWARD_BENCH_REPO (a path or URL), else the clones that tools install themselves as (pyenv, nvm, rbenv,
// oh-my-zsh). None may be there, and those tools often install a shallow clone: the caller says what it got.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const TOOL_CLONES = ['.pyenv', '.nvm', '.rbenv', '.oh-my-zsh'].map((name) => join(homedir(), name));

function git(args, cwd) {
  return spawnSync('git', args, { cwd, encoding: 'utf8' });
}

/** { dir, source, commits, shallow } of the clone, or undefined when no public repository is at hand. */
export function realRepository(work) {
  const source = process.env.KEYWARD_BENCH_REPO ?? TOOL_CLONES.find((dir) => existsSync(join(dir, '.git')));
  if (!source) return undefined;
  const dir = join(work, 'real');
  const origin = git(['config', '--get', 'remote.origin.url'], dir).stdout?.trim();
  if (existsSync(dir) && origin !== source) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(dir) && git(['clone', '-q', '--no-hardlinks', source, dir], work).status !== 0) return undefined;
  const commits = Number(git(['rev-list', '--all', '--count'], dir).stdout.trim());
  const shallow = git(['rev-parse', '--is-shallow-repository'], dir).stdout.trim() === 'true';
  const upstream = git(['config', '--get', 'remote.origin.url'], source).stdout?.trim();
  return { dir, source, upstream: upstream || source, commits, shallow };
}
