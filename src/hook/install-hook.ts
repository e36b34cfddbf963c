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
}

/** The pre-commit hook's path, as git resolves it: core.hooksPath honoured, the common hooks of a worktree. */
export function hookPath(repoDir: string): string {
  const top = git(['rev-parse', '--show-toplevel'], repoDir).trim();
  return join(resolve(top, git(['rev-parse', '--git-path', 'hooks'], top).trim()), 'pre-commit');
}

/**
 * The hook finds keyward when it runs, never at a path fixed at install time (a moved or re-cloned repository would
 * fail every commit): the repository's own node_modules/.bin, then keyward on PATH, then npx without installing.
 * Without keyward the commit is refused, saying why: a gate that silently opens is no gate.
 */
export function hookScript(chained: boolean): string {
  return [
    '#!/bin/sh',
    `${HOOK_MARKER}: blocks commits that add API keys (keyward install-hook; remove with keyward install-hook --uninstall)`,
    ...(chained ? [`"$(dirname "$0")/pre-commit${CHAINED_SUFFIX}" "$@" || exit $?`] : []),
    'top=$(git rev-parse --show-toplevel) || exit 1',
    'if [ -x "$top/node_modules/.bin/keyward" ]; then exec "$top/node_modules/.bin/keyward" scan --staged; fi',
    'if command -v keyward >/dev/null 2>&1; then exec keyward scan --staged; fi',
    'if command -v npx >/dev/null 2>&1 && (cd "$top" && npx --no-install keyward --version) >/dev/null 2>&1; then',
    '  cd "$top" && exec npx --no-install keyward scan --staged',
    'fi',
    'echo "keyward: not found (npm i -D keyward, or npm i -g keyward): the commit was not checked for keys, so it is refused." >&2',
    'echo "  Install keyward, or commit with --no-verify to skip the check once." >&2',
    'exit 1',
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
  writeFileSync(path, hookScript(chained));
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
