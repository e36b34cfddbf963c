import { relative } from 'node:path';
import { loadPicomatch } from '../lazy-require.js';

/**
 * The config's `ignore` globs as a test on absolute paths (globs are relative to the config file's folder).
 * Returns undefined when there is nothing to ignore, so callers can skip the test entirely.
 */
export function configIgnoreFilter(globs: string[], base: string): ((absolutePath: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  const picomatch = loadPicomatch();
  const matches = picomatch(globs, { dot: true });
  return (absolutePath) => {
    const rel = relative(base, absolutePath).split('\\').join('/');
    return !rel.startsWith('..') && matches(rel);
  };
}
