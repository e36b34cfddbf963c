import { join } from 'node:path';
import { now } from '../clock.js';
import { secretOf, type Detector } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { DiffParser, type AddedLines, type CommitInfo, type DiffNote } from '../sources/diff-parser.js';
import { git, GitError, objectSizes, readObjects } from '../sources/git.js';
import { parallelLog, type UnreadableObject } from '../sources/parallel-log.js';
import type { SkippedFile } from '../sources/read-file.js';
import type { Repository } from '../sources/repository.js';
import { listRefs } from '../report/summary.js';
import { CommitsOutsideHead } from './commits-outside-head.js';
import { configIgnoreFilter } from './path-filter.js';
import { compareDates, DEFAULT_MAX_FILE_SIZE, sortFindings, type ScanResult } from './scan-result.js';

export interface HistoryOptions {
  /** Only this branch (default: every ref, HEAD included). */
  branch?: string;
  /** `A..B`: the commits of a pull request. */
  range?: string;
  /** A ref (commits after it) or a date (commits since then). */
  since?: string;
  maxCount?: number;
  /** Config ignores, relative to `ignoreBase` (paths in the repository are relative to its top). */
  ignore: string[];
  ignoreBase: string;
  /** git processes at once, and commits per process (see parallel-log.ts; the defaults suit any repository). */
  jobs?: number;
  batchSize?: number;
  /**
   * A file version larger than this is not read, as in a tree scan: git diffs it as binary (so it never prints the
   * content) and it is reported as skipped. Default: DEFAULT_MAX_FILE_SIZE.
   */
  maxFileSize?: number;
  /** Commits already scanned (an earlier run's tips): only what they do not reach is read. Each must exist. */
  exclude?: string[];
  /** Stops the scan's git processes (a per-repository timeout); the scan then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** One line per commit, before its patch: a \x01 marker no diff line can start with, then NUL-separated fields. */
const COMMIT_FORMAT = '--format=format:%x01%H%x00%an%x00%ae%x00%aI';

/** Where a secret was first seen: the finding of its earliest commit, with the counts of all its occurrences. */
interface Introduction {
  first: Finding;
  /** The first finding's commit's place in git log's order. */
  order: number;
  occurrences: number;
  commits: Set<string>;
  files: Set<string>;
}

/**
 * Whether a finding is closer to the introduction than the one kept: an older commit, or, for commits of the same
 * date, the one git log prints later (its parent side). The order, not arrival, decides, so the result is the same
 * however the batches finish.
 */
function isEarlier(finding: Finding, order: number, kept: Introduction): boolean {
  const byDate = compareDates(finding.location, kept.first.location);
  return byDate < 0 || (byDate === 0 && order > kept.order);
}

const ONLY_IN_HISTORY =
  'The key is no longer in HEAD, but anyone with a clone or a fork still has it: rotate or revoke it now. Rewriting history does not un-leak it.';

/**
 * Scans what every commit added, streaming `git log -p` (never the whole log in memory). Merge commits are read as
 * combined diffs, so a key added while resolving a conflict is found. The same secret in many commits is one
 * finding: the commit that introduced it, with the count of occurrences and the files.
 */
export async function scanHistory(repo: Repository, detector: Detector, options: HistoryOptions): Promise<ScanResult> {
  const started = now();
  const notes: string[] = [];
  if (repo.shallow) notes.push('shallow clone: only the history that is here was scanned (the oldest commit shows its whole tree as added)');
  const ignored = configIgnoreFilter(options.ignore, options.ignoreBase);
  const byFingerprint = new Map<string, Introduction>();
  const binaries = new Set<string>();
  /** Binary diffs with the new version's blob: a real binary, or a version over maxFileSize (git says binary of both). */
  const binaryVersions: Array<{ path: string; blob: string; commit?: string }> = [];
  const submodules = new Set<string>();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let bytesRead = 0;
  let fileDiffs = 0;
  const outsideHead = new CommitsOutsideHead(repo.dir, scannedRevisions(options), options.signal);

  /** One more occurrence of a finding; `order` is its commit's place in git log's order (newest first). */
  const record = (finding: Finding, order: number) => {
    const { path, commit = '' } = finding.location;
    const seen = byFingerprint.get(finding.fingerprint);
    if (!seen) {
      outsideHead.start();
      byFingerprint.set(finding.fingerprint, { first: finding, order, occurrences: 1, commits: new Set([commit]), files: new Set([path]) });
      return;
    }
    seen.occurrences++;
    seen.commits.add(commit);
    seen.files.add(path);
    if (isEarlier(finding, order, seen)) Object.assign(seen, { first: finding, order });
  };
  const originOf = (path: string, commit: CommitInfo | undefined) => ({
    path,
    ...(commit ? { commit: commit.sha, author: `${commit.author} <${commit.email}>`, date: commit.date } : {}),
  });
  const onAdded = (added: AddedLines, order: number) => {
    if (ignored?.(join(repo.dir, added.path))) return;
    const text = added.lines.join('\n');
    const chunk = { origin: originOf(added.path, added.commit), text, lineNumbers: added.lineNumbers, hits: added.hits };
    for (const finding of detector.detect(chunk)) record(finding, order);
  };
  // A binary file is not read as lines; one whose name says it holds keys (a .p12, an id_rsa) is reported by name.
  const onNote = (note: DiffNote, order: number) => {
    if (note.kind === 'submodule') submodules.add(note.path);
    else if (note.blob && !ignored?.(join(repo.dir, note.path)) && detector.namesKeyFile(note.path)) {
      for (const finding of detector.detectBinaryFile(originOf(note.path, note.commitInfo), note.blob)) record(finding, order);
    } else if (note.blob) binaryVersions.push({ path: note.path, blob: note.blob, ...(note.commit ? { commit: note.commit } : {}) });
    else binaries.add(note.path);
  };
  const reader = (first: number) => {
    const parser: DiffParser = new DiffParser(
      // The parser counts a commit once its line is read, and hands on its lines before counting the next.
      (added) => onAdded(added, first + parser.commits - 1),
      (note) => onNote(note, first + parser.commits - 1),
      detector,
    );
    return {
      write: (bytes: Buffer) => parser.write(bytes),
      end: () => {
        parser.end();
        bytesRead += parser.bytesRead;
        fileDiffs += parser.files;
      },
      progress: () => ({ commits: parser.commits, pathsOfLastCommit: parser.pathsOfLastCommit() }),
    };
  };
  const skipped: SkippedFile[] = [];
  const onUnreadable = ({ object, commit, paths }: UnreadableObject) => {
    const detail = `git cannot read object ${object.slice(0, 12)} in commit ${commit.slice(0, 12)}`;
    if (paths.length === 0) skipped.push({ path: `commit ${commit.slice(0, 12)}`, reason: 'unreadable', detail: `${detail}; the rest of that commit was not scanned` });
    for (const path of paths) skipped.push({ path, reason: 'unreadable', detail });
  };

  let commits: number;
  try {
    commits = await parallelLog(repo.dir, {
      revisions: revisions(repo, options),
      ...(options.exclude?.length ? { revisionInput: options.exclude.map((commit) => `^${commit}`) } : {}),
      // --full-index: a binary file's blob id in full, its identity for a key store found by name.
      logArgs: ['-p', '-U0', '--cc', '-M', '--full-index', '--no-ext-diff', '--no-textconv', COMMIT_FORMAT],
      // Versions over the size limit are diffed as binary: git neither builds nor prints their patch.
      gitConfig: ['-c', `core.bigFileThreshold=${maxFileSize}`],
      reader,
      onUnreadable,
      ...(options.jobs ? { jobs: options.jobs } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    outsideHead.stop(); // a failed scan does not wait for that listing
    throw error;
  }
  skipped.push(...tooLargeVersions(repo, binaryVersions, maxFileSize, binaries));
  if (commits === 0 && !options.range && !options.branch && !options.since && !options.exclude?.length) notes.push('empty repository: no commit to scan');
  if (binaries.size) notes.push(`${binaries.size} binary file(s) in history not scanned`);
  for (const path of [...submodules].sort()) notes.push(`submodule ${path}: reported, not followed (scan its own repository)`);

  const findings = [...byFingerprint.values()].map(({ first, occurrences, commits: shas, files }) => {
    first.history = { occurrences, commits: shas.size, files: [...files].sort(), inCurrentTree: false };
    return first;
  });
  await markCurrentTree(repo, findings, outsideHead);
  return {
    findings: sortFindings(findings),
    skipped,
    filesScanned: fileDiffs,
    bytesScanned: bytesRead,
    durationMs: now() - started,
    commitsScanned: commits,
    notes,
    // Part of the history (a range, a branch, a date): a baseline entry from elsewhere was not looked for.
    ...(options.range || options.branch || options.since || options.maxCount !== undefined || options.exclude?.length ? { linesRead: new Map() } : {}),
  };
}

/**
 * The binary diffs whose new version is over the size limit, one skipped entry per path (its largest version, and
 * the commit that added it); the others are binaries proper, added to `binaries`.
 */
function tooLargeVersions(repo: Repository, versions: Array<{ path: string; blob: string; commit?: string }>, maxFileSize: number, binaries: Set<string>): SkippedFile[] {
  const sizes = objectSizes([...new Set(versions.map((v) => v.blob))], repo.dir);
  const largest = new Map<string, { size: number; commit?: string; count: number }>();
  for (const { path, blob, commit } of versions) {
    const size = sizes.get(blob) ?? 0;
    if (size <= maxFileSize) {
      binaries.add(path);
      continue;
    }
    const seen = largest.get(path);
    if (!seen) largest.set(path, { size, count: 1, ...(commit ? { commit } : {}) });
    else Object.assign(seen, { count: seen.count + 1 }, size > seen.size ? { size, commit } : {});
  }
  return [...largest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, { size, commit, count }]) => ({
    path,
    reason: 'too-large' as const,
    detail: `${size} bytes${commit ? ` in commit ${commit.slice(0, 12)}` : ''}${count > 1 ? ` (${count} versions over the limit)` : ''}`,
  }));
}

/**
 * rev-list's arguments: flags, then the user's revisions after --end-of-options (a ref can never pass as an option).
 * A ref that does not resolve is an error naming it: a typo must not scan nothing and pass.
 */
function revisions(repo: Repository, options: HistoryOptions): string[] {
  const flags: string[] = [];
  const revs: string[] = [];
  if (options.range) {
    for (const side of rangeSides(options.range)) requireCommit(repo, side, `--range ${options.range}`);
    revs.push(options.range);
  } else if (options.branch) {
    requireCommit(repo, options.branch, `--branch ${options.branch}`);
    revs.push(options.branch);
  } else flags.push('--all');
  if (options.since) {
    if (isCommit(repo, options.since)) revs.push(`^${options.since}`);
    else if (looksLikeDate(options.since)) flags.push(`--since=${options.since}`);
    else throw new GitError(`--since ${options.since}: no such ref in ${repo.dir}, and not a date (2024-05-01, "2 weeks ago")`);
  }
  if (options.maxCount !== undefined) flags.push(`--max-count=${options.maxCount}`);
  return [...flags, '--end-of-options', ...revs];
}

/**
 * rev-list's arguments for every commit the scan may read: its refs without the filters (dates, counts, commits
 * already scanned), so that a commit it read is always among them.
 */
function scannedRevisions(options: HistoryOptions): string[] {
  if (options.range) return ['--end-of-options', options.range];
  if (options.branch) return ['--end-of-options', options.branch];
  return ['--all', '--end-of-options'];
}

/** `A..B` → [A, B]; `A...B` too; an empty side means HEAD to git, and is not checked. */
function rangeSides(range: string): string[] {
  const parts = range.includes('...') ? range.split('...') : range.split('..');
  return parts.filter(Boolean);
}

function requireCommit(repo: Repository, ref: string, flag: string): void {
  if (!isCommit(repo, ref)) throw new GitError(`${flag}: ${ref} does not name a commit in ${repo.dir}`);
}

/** Words git's date parser knows, for a --since without a digit ("yesterday", "last monday"). */
const DATE_WORDS = /^(?:yesterday|today|now|noon|midnight|tea|last\s+[a-z]+|(?:a|an|one)\s+[a-z]+\s+ago)$/i;
/** "2 weeks ago", "3 days", "1 year 2 months ago". */
const RELATIVE_DATE = /^(?:\d+\s*(?:sec(?:ond)?|min(?:ute)?|hour|day|week|month|year)s?[\s,.]*)+(?:ago)?$/i;

/** A date as git reads one: ISO or RFC with a year, relative ("2 weeks ago"), a Unix time, or one of git's date words. */
function looksLikeDate(text: string): boolean {
  const trimmed = text.trim();
  return RELATIVE_DATE.test(trimmed) || DATE_WORDS.test(trimmed) || /^@?\d{9,}$/.test(trimmed) || isAbsoluteDate(trimmed);
}

/** V8 parses almost anything ("release-2" is a date to it): an absolute date must also name a four-digit year. */
function isAbsoluteDate(text: string): boolean {
  return /(?:^|\D)(?:19|20)\d\d(?:\D|$)/.test(text) && !Number.isNaN(Date.parse(text));
}

function isCommit(repo: Repository, ref: string): boolean {
  if (ref.startsWith('-')) return false;
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo.dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether HEAD still holds each secret, in any of the files it was added to, and, when not, whether HEAD ever had it
 * (a key on a branch never merged was not "removed"): remedies say what that means. File names are read
 * NUL-separated, so a name with a newline in it is checked like any other.
 */
async function markCurrentTree(repo: Repository, findings: Finding[], outsideHead: CommitsOutsideHead): Promise<void> {
  if (findings.length === 0) return;
  const blobs = blobsAtHead(repo, new Set(findings.flatMap((f) => f.history!.files)));
  for (const finding of findings) {
    const secret = secretOf(finding);
    // A key in the content; or, for a key store found by name, the very blob (its identity is its blob id).
    finding.history!.inCurrentTree = finding.history!.files.some((path) => {
      const blob = blobs.get(path);
      return Boolean(secret && blob && (blob.sha === secret || blob.content.includes(secret)));
    });
  }
  const gone = findings.filter((finding) => !finding.history!.inCurrentTree);
  const unmerged = refsHolding(repo, await outsideHead.among(gone.flatMap((f) => (f.location.commit ? [f.location.commit] : []))));
  for (const finding of gone) {
    const refs = unmerged.get(finding.location.commit ?? '');
    if (refs) {
      finding.history!.unmergedRefs = refs;
      finding.remediation = `${onlyOnBranches(refs)} ${finding.remediation}`;
    } else {
      finding.remediation = `${ONLY_IN_HISTORY} ${finding.remediation}`;
    }
  }
}

/** The blob ids and contents at HEAD of the given paths (those that exist there); none in a repository without a HEAD. */
function blobsAtHead(repo: Repository, paths: ReadonlySet<string>): Map<string, { sha: string; content: Buffer }> {
  let listing: string;
  try {
    // A few paths are named (literally: a name may hold any character); many, and the whole tree is listed.
    const pathspecs = paths.size <= 500 ? ['--', ...[...paths].map((path) => `:(literal)${path}`)] : [];
    listing = git(['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...pathspecs], repo.dir);
  } catch {
    return new Map();
  }
  const blobOf = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    const path = entry.slice(tab + 1);
    const [, type, sha] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && sha && paths.has(path)) blobOf.set(path, sha);
  }
  const contents = readObjects([...new Set(blobOf.values())], repo.dir);
  return new Map([...blobOf].flatMap(([path, sha]) => (contents.has(sha) ? [[path, { sha, content: contents.get(sha)! }] as const] : [])));
}

/**
 * For each commit, the ref that holds it, as `git name-rev` names the nearest one (a branch, a tag, a pull request ref
 * of a mirror), in one call for all of them; an empty list when no ref holds it.
 */
function refsHolding(repo: Repository, commits: Set<string>): Map<string, string[]> {
  const held = new Map<string, string[]>();
  if (commits.size === 0) return held;
  const list = [...commits];
  let names: string[];
  try {
    names = git(['name-rev', '--name-only', ...list], repo.dir).split('\n');
  } catch {
    names = [];
  }
  list.forEach((commit, index) => {
    const name = names[index]?.replace(/[~^].*$/, '');
    held.set(commit, name && name !== 'undefined' ? [name] : []);
  });
  return held;
}

function onlyOnBranches(refs: string[]): string {
  const where = refs.length ? `on ${listRefs(refs)}` : 'only in commits no ref holds';
  return `The key was never in HEAD: it is ${where}, not merged. Anyone who fetched that branch has it: rotate or revoke it now, and remove it from the branch before merging.`;
}
