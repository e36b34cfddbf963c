import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * The .gitignore files of a tree, nested ones included, applied as git applies them: a deeper file's rules
 * override a shallower one's, and `!` re-includes.
 */
export class GitignoreRules {
  private readonly byDir = new Map<string, Ignore>();

  /** `files`: paths of .gitignore files relative to `root`, with forward slashes. */
  constructor(
    private readonly root: string,
    files: string[] = [],
  ) {
    for (const file of [...files].sort((a, b) => a.length - b.length)) this.add(file);
  }

  /**
   * Adds one .gitignore (relative to the root); its folder's ancestors' files must have been added before it, as a
   * walk that reads a folder's own .gitignore before judging anything in it does.
   */
  add(file: string): void {
    let text: string;
    try {
      text = readFileSync(join(this.root, file), 'utf8');
    } catch {
      return; // An unreadable .gitignore ignores nothing, as in git.
    }
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    this.byDir.set(dir, ignore().add(text));
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
}
