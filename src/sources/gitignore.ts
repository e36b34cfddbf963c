import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * The .gitignore files of a tree, nested ones included, applied as git applies them: a deeper file's rules
 * override a shallower one's, and `!` re-includes.
 */
export class GitignoreRules {
  private readonly byDir = new Map<string, Ignore>();
  private readonly pruneGlobs: string[] = [];

  /** `files`: paths of .gitignore files relative to `root`, with forward slashes. */
  constructor(root: string, files: string[]) {
    for (const file of files.sort((a, b) => a.length - b.length)) {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue; // An unreadable .gitignore ignores nothing, as in git.
      }
      const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
      this.byDir.set(dir, ignore().add(text));
      this.pruneGlobs.push(...pruneGlobsFor(dir, text));
    }
  }

  /** Whether git would ignore `path` (relative to the root, forward slashes). */
  ignores(path: string): boolean {
    let ignored = false;
    for (const [dir, rules] of this.byDir) {
      if (dir && !path.startsWith(`${dir}/`)) continue;
      const result = rules.test(dir ? path.slice(dir.length + 1) : path);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * fast-glob `ignore` patterns that let the walk skip whole ignored folders (node_modules, dist) without listing
   * them. Only a speed-up: they are never broader than the rules, and `ignores()` still decides every file.
   */
  globs(): string[] {
    return this.pruneGlobs;
  }
}

/** Translates the plain lines of one .gitignore; a file with any `!` line is left to the exact filter. */
function pruneGlobsFor(dir: string, text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  if (lines.some((line) => line.startsWith('!'))) return [];
  const prefix = dir ? `${dir}/` : '';
  const globs: string[] = [];
  for (const line of lines) {
    if (/[\\!(){}@+]/.test(line)) continue;
    const body = line.replace(/\/$/, '');
    const anchored = body.startsWith('/') || body.includes('/');
    const pattern = body.replace(/^\//, '');
    if (!pattern || pattern === '**') continue;
    const base = anchored ? `${prefix}${pattern}` : `${prefix}**/${pattern}`;
    globs.push(`${base}/**`);
    if (!line.endsWith('/')) globs.push(base);
  }
  return globs;
}
