import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * The paths named on the command line must exist and be readable: a misspelt path is a usage error (exit 2), never
 * an empty, green scan. A folder must also be enterable. FIFOs, sockets and devices are not refused here: the walk
 * reports them as skipped without opening them.
 */
export function checkScanRoots(roots: string[], cwd: string): void {
  for (const root of roots) {
    if (root === '-') continue;
    const absolute = resolve(cwd, root);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `${root}: no such file or folder` : `${root}: cannot be read (${code})`);
    }
    try {
      accessSync(absolute, isDirectory ? constants.R_OK | constants.X_OK : constants.R_OK);
    } catch (error) {
      throw new UsageError(`${root}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
    }
  }
}

/**
 * `--output FILE` must be writable before any scanning starts, so that a long scan does not end in a lost report.
 * Creates the folders on the way (as the write would), and leaves no empty file behind.
 */
export function checkOutputPath(file: string | undefined, cwd: string, flag = '--output'): void {
  if (!file) return;
  const target = resolve(cwd, file);
  const existed = existsSync(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    closeSync(openSync(target, 'a'));
    if (!existed) unlinkSync(target);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
