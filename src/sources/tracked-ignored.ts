import { git } from './git.js';

/**
 * Files git tracks although a .gitignore pattern matches them (committed before the pattern, or `git add -f`):
 * they are in every clone, so a tree scan must read them even though the walk honours .gitignore. Paths relative
 * to `dir`, which may be any folder inside the work tree; none outside a repository (or without git).
 */
export function trackedIgnoredFiles(dir: string): string[] {
  try {
    const listing = git(['ls-files', '-z', '--cached', '--ignored', '--exclude-standard', '--', '.'], dir);
    return listing.split('\0').filter(Boolean);
  } catch {
    return [];
  }
}
