import { readdirSync, type Dirent, type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GitignoreRules } from './gitignore.js';
import { trackedIgnoredFiles } from './tracked-ignored.js';
import type { SkippedFile, SkipReason } from './read-file.js';

export interface WalkOptions {
  /** Folder that reported paths are relative to (the working directory). */
  cwd: string;
  /** Whether the config ignores a file (absolute path in). */
  isIgnored: (absolutePath: string) => boolean;
  onSkip: (skipped: SkippedFile) => void;
}

export interface WalkedFile {
  absolutePath: string;
  /** Relative to `cwd`, forward slashes. */
  path: string;
  /** Relative to the root it was found under (the file's name, for a file named on the command line). */
  projectPath: string;
}

/**
 * Lists the files to scan under each root: a folder is walked once, depth first, honouring its .gitignore files
 * (nested ones too, each read before anything in its folder is judged, as git reads them; a folder they ignore is
 * never entered) and never entering .git, then the files git tracks although .gitignore matches them (they are in
 * every clone); a file named on the command line is scanned even if ignored, as eslint and gitleaks do. Symlinks
 * are not followed (a loop cannot trap the walk): they are reported as skipped.
 */
export async function* walkFiles(roots: string[], options: WalkOptions): AsyncGenerator<WalkedFile> {
  const seen = new Set<string>();
  for (const root of roots) {
    const absoluteRoot = resolve(options.cwd, root);
    const info = await stat(absoluteRoot).catch(() => undefined);
    if (!info) {
      options.onSkip({ path: displayPath(options.cwd, absoluteRoot), reason: 'unreadable', detail: 'no such file or folder' });
      continue;
    }
    if (!info.isDirectory()) {
      const path = displayPath(options.cwd, absoluteRoot);
      // A FIFO, socket or device (named directly or through a symlink) is never opened: reading one can block forever.
      if (!info.isFile()) options.onSkip({ path, reason: 'not-a-file', detail: kindOf(info) });
      else if (!seen.has(absoluteRoot)) yield { absolutePath: absoluteRoot, path, projectPath: path };
      seen.add(absoluteRoot);
      continue;
    }
    const gitignore = new GitignoreRules(absoluteRoot);
    yield* walkFolder(absoluteRoot, gitignore, options, seen);
    // Only a tree with .gitignore rules can have tracked files the walk left out (one git call, then).
    if (gitignore.isEmpty) continue;
    for (const projectPath of trackedIgnoredFiles(absoluteRoot)) {
      const absolutePath = resolve(absoluteRoot, projectPath);
      if (options.isIgnored(absolutePath) || seen.has(absolutePath)) continue;
      seen.add(absolutePath);
      const info = await lstat(absolutePath).catch(() => undefined);
      if (!info) continue; // tracked, but deleted in the work tree
      const path = displayPath(options.cwd, absolutePath);
      const skip = notScanned(info);
      if (skip) options.onSkip({ path, reason: skip });
      else yield { absolutePath, path, projectPath };
    }
  }
}

/**
 * The files under one root: one readdir with file types per folder (no stat per file), folders visited in name
 * order. A folder that cannot be read is reported as skipped and the walk goes on. The .gitignore files of
 * dependencies (node_modules) are not read: npm does not publish them, and the tree's own rules decide.
 * Synchronous, as file reads are: an awaited readdir is a thread-pool round trip per folder during which the scan
 * has nothing else to do (about a tenth of a single-threaded scan of a node_modules tree).
 */
async function* walkFolder(root: string, gitignore: GitignoreRules, options: WalkOptions, seen: Set<string>): AsyncGenerator<WalkedFile> {
  const pathsOf = pathsUnder(root, options.cwd);
  const pending: Array<{ dir: string; inDependency: boolean }> = [{ dir: '', inDependency: false }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { dir, inDependency } = next;
    const absoluteDir = dir ? join(root, dir) : root;
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true });
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code !== 'ENOENT') options.onSkip({ path: displayPath(options.cwd, absoluteDir), reason: 'unreadable', detail: code ?? message });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const prefix = dir ? `${dir}/` : '';
    if (!inDependency && entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) gitignore.add(`${prefix}.gitignore`);
    const folders: typeof pending = [];
    for (const entry of entries) {
      const projectPath = prefix + entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && !gitignore.ignores(`${projectPath}/`)) folders.push({ dir: projectPath, inDependency: inDependency || entry.name === 'node_modules' });
        continue;
      }
      if (gitignore.ignores(projectPath)) continue;
      const { absolutePath, path } = pathsOf(projectPath);
      if (options.isIgnored(absolutePath) || seen.has(absolutePath)) continue;
      seen.add(absolutePath);
      const skip = notScanned(entry);
      if (skip) options.onSkip({ path, reason: skip });
      else yield { absolutePath, path, projectPath };
    }
    pending.push(...folders.reverse());
  }
}

/** Why a walked entry is not read: a symlink is not followed, and a FIFO, socket or device is never opened. */
function notScanned(entry: { isSymbolicLink(): boolean; isFile(): boolean }): SkipReason | undefined {
  if (entry.isSymbolicLink()) return 'symlink';
  return entry.isFile() ? undefined : 'not-a-file';
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * The absolute and the displayed path of each file under `root` (absolute, resolved), from its path in the project.
 * Where paths are written with `/`, both are the root's own followed by the project path (made of names readdir gave,
 * never `.` or `..`): path.join and path.relative for every file were half the walk of a node_modules tree.
 */
function pathsUnder(root: string, cwd: string): (projectPath: string) => { absolutePath: string; path: string } {
  const absolutePrefix = root === '/' ? '/' : `${root}/`;
  const base = resolve(cwd);
  // Under a root that holds the working folder, a file beside it is shown as `../x`, one inside it as `x`.
  if (sep !== '/' || (base !== root && base.startsWith(absolutePrefix))) {
    return (projectPath) => {
      const absolutePath = join(root, projectPath);
      return { absolutePath, path: displayPath(cwd, absolutePath) };
    };
  }
  const rootShown = displayPath(cwd, root);
  const shownPrefix = rootShown === '.' ? '' : `${rootShown}/`;
  return (projectPath) => ({ absolutePath: absolutePrefix + projectPath, path: shownPrefix + projectPath });
}

export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
