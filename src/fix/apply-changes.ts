import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

/** A file's new content; `before` undefined: the file is created. */
export interface FileChange {
  path: string;
  before: string | undefined;
  after: string;
}

export class FixApplyError extends Error {
  override name = 'FixApplyError';
}

/** Writes one file through a temporary file beside it, keeping its mode: a reader sees the old or the new, never half. */
function writeAtomically(path: string, text: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temporary = `${path}.keyward-fix-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, mode === undefined ? {} : { mode });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw error;
  }
}

/**
 * All the changes, or none: each file is written atomically, and when one fails every file already written gets its
 * old content back (a created file is removed) before the error is thrown, naming the file.
 */
export function applyChanges(changes: readonly FileChange[], describe: (path: string) => string = (path) => path): void {
  const done: FileChange[] = [];
  for (const change of changes) {
    try {
      writeAtomically(change.path, change.after);
      done.push(change);
    } catch (error) {
      revertChanges(done);
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new FixApplyError(`cannot write ${describe(change.path)} (${code}): nothing was changed`);
    }
  }
}

/** Puts back what `applyChanges` wrote (when a later step, such as untracking .env, fails). */
export function revertChanges(changes: readonly FileChange[]): void {
  for (const change of [...changes].reverse()) {
    if (change.before === undefined) unlinkSync(change.path);
    else writeAtomically(change.path, change.before);
  }
}
