import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git } from '../sources/git.js';

/** The line that marks a hook as keyward's own: only such a hook is replaced or removed without --force. */
export const HOOK_MARKER = '# keyward-managed-hook';
/** Where a foreign hook goes when keyward chains to it. */
export const CHAINED_SUFFIX = '.keyward-chained';

export class HookError extends Error {
  override name = 'HookError';
}

export interface HookOptions {
  /** Replace a hook that is not keyward's. */
  force?: boolean;
  /** Keep a foreign hook and run it before keyward. */
  chain?: boolean;
  /** The command the hook runs: node and keyward's CLI, as installed. */
  node: string;
  cli: string;
}

/** The pre-commit hook's path, as git resolves it: core.hooksPath honoured, the common hooks of a worktree. */
export function hookPath(repoDir: string): string {
  const top = git(['rev-parse', '--show-toplevel'], repoDir).trim();
  return join(resolve(top, git(['rev-parse', '--git-path', 'hooks'], top).trim()), 'pre-commit');
}

export function hookScript(options: Pick<HookOptions, 'node' | 'cli'>, chained: boolean): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    '#!/bin/sh',
    `${HOOK_MARKER}: blocks commits that add API keys (keyward install-hook; remove with keyward install-hook --uninstall)`,
    ...(chained ? [`"$(dirname "$0")/pre-commit${CHAINED_SUFFIX}" "$@" || exit $?`] : []),
    `if [ -f ${quote(options.cli)} ]; then`,
    `  exec ${quote(options.node)} ${quote(options.cli)} scan --staged`,
    'fi',
    'exec keyward scan --staged',
    '',
  ].join('\n');
}

function isOurs(path: string): boolean {
  return readFileSync(path, 'utf8').includes(HOOK_MARKER);
}

/** Installs the hook; returns what it did, in a sentence. */
export function installHook(repoDir: string, options: HookOptions): string {
  const path = hookPath(repoDir);
  mkdirSync(resolve(path, '..'), { recursive: true });
  let chained = existsSync(`${path}${CHAINED_SUFFIX}`);
  if (existsSync(path) && !isOurs(path)) {
    if (options.chain) {
      renameSync(path, `${path}${CHAINED_SUFFIX}`);
      chained = true;
    } else if (!options.force) {
      throw new HookError(`${path} is another tool's hook: --chain runs it before keyward, --force replaces it`);
    }
  }
  writeFileSync(path, hookScript(options, chained));
  chmodSync(path, 0o755);
  return `installed ${path}${chained ? ` (runs ${path}${CHAINED_SUFFIX} first)` : ''}`;
}

/** Removes keyward's hook (only keyward's), and puts a chained hook back in its place. */
export function uninstallHook(repoDir: string): string {
  const path = hookPath(repoDir);
  if (!existsSync(path)) return `no hook at ${path}`;
  if (!isOurs(path)) throw new HookError(`${path} is not keyward's hook: left as it is`);
  rmSync(path);
  if (existsSync(`${path}${CHAINED_SUFFIX}`)) {
    renameSync(`${path}${CHAINED_SUFFIX}`, path);
    return `removed keyward's hook; ${path} is the hook that was there before`;
  }
  return `removed ${path}`;
}
