import fs, { type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { GitignoreRules } from './gitignore.js';
import { trackedIgnoredFiles } from './tracked-ignored.js';
import type { SkippedFile, SkipReason } from './read-file.js';

export interface WalkOptions {
  /** Folder that reported paths are relative to (the working directory). */
  cwd: string;
  /** Whether the config ignores a file (absolute path in). */
  isIgnored: (absolutePath: string) => boolean;
  /** Extra fast-glob patterns to prune, relative to each root (never broader than `isIgnored`). */
  pruneGlobs?: string[];
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
 * Lists the files to scan under each root: a folder is walked with fast-glob, honouring its .gitignore files
 * (nested ones too) and never entering .git, then the files git tracks although .gitignore matches them (they are in
 * every clone); a file named on the command line is scanned even if ignored,
 * as eslint and gitleaks do. Symlinks are not followed (a loop cannot trap the walk): they are reported as skipped.
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
    const gitignore = await GitignoreRules.discover(absoluteRoot);
    const entries = fg.stream('**/*', {
      cwd: absoluteRoot,
      dot: true,
      onlyFiles: false,
      markDirectories: false,
      followSymbolicLinks: false,
      suppressErrors: true,
      // A folder that cannot be entered is reported as skipped, like an unreadable file, and the walk goes on.
      fs: { readdir: reportingReaddir(options) as unknown as typeof fs.readdir },
      objectMode: true,
      ignore: ['**/.git', '**/.git/**', ...gitignore.globs(), ...(options.pruneGlobs ?? [])],
    });
    for await (const raw of entries) {
      const entry = raw as unknown as fg.Entry;
      if (entry.dirent.isDirectory()) continue;
      if (gitignore.ignores(entry.path)) continue;
      const absolutePath = resolve(absoluteRoot, entry.path);
      if (options.isIgnored(absolutePath) || seen.has(absolutePath)) continue;
      seen.add(absolutePath);
      const path = displayPath(options.cwd, absolutePath);
      const skip = notScanned(entry.dirent);
      if (skip) options.onSkip({ path, reason: skip });
      else yield { absolutePath, path, projectPath: entry.path };
    }
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

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: unknown[]) => void;

/** fs.readdir as fast-glob calls it, turning a folder it cannot read into a skip and an empty listing. */
function reportingReaddir(options: WalkOptions) {
  return (path: string, ...rest: unknown[]) => {
    const callback = rest.pop() as ReaddirCallback;
    const report: ReaddirCallback = (error, entries) => {
      if (error && error.code !== 'ENOENT') {
        options.onSkip({ path: displayPath(options.cwd, resolve(path)), reason: 'unreadable', detail: error.code ?? error.message });
        callback(null, []);
        return;
      }
      callback(error, entries);
    };
    if (rest.length) fs.readdir(path, rest[0] as { withFileTypes: true }, report as never);
    else fs.readdir(path, report as never);
  };
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

export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
