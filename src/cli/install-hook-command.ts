import { installHook, uninstallHook } from '../hook/install-hook.js';
import { EXIT } from './usage-error.js';

export interface InstallHookOptions {
  force?: boolean;
  chain?: boolean;
  uninstall?: boolean;
}

/** `keyward install-hook [repo]`: a pre-commit hook that runs `keyward scan --staged`. */
export function runInstallHookCommand(repo: string | undefined, options: InstallHookOptions): number {
  const dir = repo ?? '.';
  const said = options.uninstall
    ? uninstallHook(dir)
    : installHook(dir, { force: options.force, chain: options.chain });
  process.stderr.write(`keyward: ${said}\n`);
  return EXIT.clean;
}
