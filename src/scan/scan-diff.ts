import { join } from 'node:path';
import { now } from '../clock.js';
import type { Detector } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { DiffParser, type AddedLines, type DiffNote } from '../sources/diff-parser.js';
import { git, gitBytes } from '../sources/git.js';
import { configIgnoreFilter } from './path-filter.js';
import { sortFindings, type ScanResult } from './scan-result.js';

export interface DiffScanOptions {
  /** The lines staged for commit (`git diff --cached`): what the pre-commit hook scans. */
  staged?: boolean;
  /** The lines a range adds (`git diff A..B`). */
  range?: string;
  ignore: string[];
  ignoreBase: string;
}

/**
 * git's diff of the staged lines or of a range, started before the detector is made: git computes it while the rules
 * load (a pre-commit hook waits for both), and its output waits in memory until a parser takes it.
 */
export class StartedDiff {
  private waiting: Buffer[] = [];
  private reader: ((bytes: Buffer) => void) | undefined;
  private readonly finished: Promise<void>;

  constructor(cwd: string, options: Pick<DiffScanOptions, 'staged' | 'range'>) {
    const what = options.staged ? ['--cached'] : ['--end-of-options', options.range ?? 'HEAD'];
    const args = ['diff', '-U0', '-M', '--full-index', '--no-ext-diff', '--no-textconv', ...what];
    this.finished = gitBytes(args, cwd, (bytes) => (this.reader ? this.reader(bytes) : this.waiting.push(bytes)));
    this.finished.catch(() => undefined); // a run that stops before reading it (a bad config) has its own error to give
  }

  /** Hands what git wrote so far, then the rest as it comes, to `reader`; resolves once git has exited. */
  readInto(reader: (bytes: Buffer) => void): Promise<void> {
    for (const bytes of this.waiting) reader(bytes);
    this.waiting = [];
    this.reader = reader;
    return this.finished;
  }
}

/**
 * Scans only added lines: staged ones, or a range's. Line numbers are those of the staged (or B-side) file, so a
 * finding points where the editor shows it. Paths are relative to the repository's top, as git prints them.
 */
export async function scanDiff(cwd: string, detector: Detector, options: DiffScanOptions, diff = new StartedDiff(cwd, options)): Promise<ScanResult> {
  const started = now();
  const ignored = configIgnoreFilter(options.ignore, options.ignoreBase);
  // The repository's top, asked of git only to match the diff's paths against the config's ignore globs: git prints
  // them from the top whatever folder it runs in (diff.relative is off), and a git start is some ms of every hook.
  const top = ignored ? git(['rev-parse', '--show-toplevel'], cwd).trim() : undefined;
  const isIgnored = (path: string) => (ignored && top !== undefined ? ignored(join(top, path)) : false);
  const findings: Finding[] = [];
  const linesRead = new Map<string, Array<[number, number]>>();
  const parser = new DiffParser(
    (added: AddedLines) => {
    if (isIgnored(added.path)) return;
    const text = added.lines.join('\n');
    findings.push(...detector.detect({ origin: { path: added.path }, text, lineNumbers: added.lineNumbers, hits: added.hits }));
    },
    // A binary file whose name says it holds keys (a .p12, an id_rsa) is reported by name, with its blob id.
    (note: DiffNote) => {
      if (note.kind !== 'binary' || !note.blob || isIgnored(note.path) || !detector.namesKeyFile(note.path)) return;
      findings.push(...detector.detectBinaryFile({ path: note.path }, note.blob));
    },
    detector,
    (path, first, count) => {
      const ranges = linesRead.get(path) ?? [];
      ranges.push([first, first + count - 1]);
      linesRead.set(path, ranges);
    },
  );
  try {
    await diff.readInto((bytes) => parser.write(bytes));
  } catch (error) {
    // Outside a repository git diff answers with its usage text: rev-parse says what is wrong in one line.
    if (top === undefined) git(['rev-parse', '--show-toplevel'], cwd);
    throw error;
  }
  parser.end();
  return {
    findings: sortFindings(findings),
    skipped: [],
    filesScanned: parser.files,
    bytesScanned: parser.bytesRead,
    durationMs: now() - started,
    linesRead,
  };
}
