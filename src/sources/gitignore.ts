import { readFileSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
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
  constructor(
    private readonly root: string,
    files: string[] = [],
  ) {
    for (const file of [...files].sort((a, b) => a.length - b.length)) this.add(file);
  }

  /**
   * The rules of every .gitignore under `root`, found as git finds them: a folder's own .gitignore is read before
   * its subfolders are entered, and a folder the rules so far ignore is never entered (git reads no .gitignore in
   * there, and nothing in it can be re-included). A gitignored `versions/` of 100,000 files costs nothing.
   * .git and node_modules are never entered.
   */
  static async discover(root: string): Promise<GitignoreRules> {
    const rules = new GitignoreRules(root);
    const visit = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir ? join(root, dir) : root, { withFileTypes: true });
      } catch {
        return; // unreadable: the walk reports what it cannot read
      }
      const prefix = dir ? `${dir}/` : '';
      if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) rules.add(`${prefix}.gitignore`);
      await Promise.all(
        entries
          .filter((entry) => entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules')
          .map((entry) => `${prefix}${entry.name}`)
          .filter((path) => !rules.ignores(`${path}/`))
          .map(visit),
      );
    };
    await visit('');
    return rules;
  }

  /** Adds one .gitignore (relative to the root); its folder's ancestors' files must have been added before it. */
  private add(file: string): void {
    let text: string;
    try {
      text = readFileSync(join(this.root, file), 'utf8');
    } catch {
      return; // An unreadable .gitignore ignores nothing, as in git.
    }
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    this.byDir.set(dir, ignore().add(text));
    this.pruneGlobs.push(...pruneGlobsFor(dir, text));
  }

  /** True when the tree has no .gitignore rules at all. */
  get isEmpty(): boolean {
    return this.byDir.size === 0;
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
