import { git } from './git.js';

/**
 * A history can hold objects git cannot read: a partial mirror, a blob lost to a broken pack. `git log -p` then
 * stops with "unable to read <sha>". These helpers name the object and the paths of a commit that hold it, so that
 * the scan can report them and go on without them.
 */

/** The object a git error names as unreadable or missing, if it names one. */
export function unreadableObjectIn(message: string): string | undefined {
  return /(?:unable to read|missing (?:blob|tree|object)|bad object|could not read)\s+([0-9a-f]{40,64})\b/i.exec(message)?.[1];
}

/** The paths a commit's diff shows with `object` as their new content (merges as combined diffs). */
export function pathsHoldingObject(cwd: string, commit: string, object: string): string[] {
  let raw: string;
  try {
    raw = git(['diff-tree', '-r', '-z', '--root', '-c', '--no-commit-id', '--no-renames', '--end-of-options', commit], cwd);
  } catch {
    return [];
  }
  const fields = raw.split('\0');
  const paths: string[] = [];
  for (let i = 0; i + 1 < fields.length; i++) {
    const meta = fields[i]!;
    if (!meta.startsWith(':')) continue;
    const shas = meta.split(' ').filter((part) => /^[0-9a-f]{40,64}$/.test(part));
    if (shas.at(-1) === object) paths.push(fields[i + 1]!);
    i++;
  }
  return paths;
}
