import type { Finding, Location } from '../engine/types.js';
import type { RevokeSummary } from '../sinks/revoke.js';
import type { SkippedFile } from '../sources/read-file.js';
import type { VerifySummary } from '../verify/verify-findings.js';

/** What a scan found and what it could not read: the input of every reporter. */
export interface ScanResult {
  findings: Finding[];
  skipped: SkippedFile[];
  /** Files read; for diff and history scans, file diffs read (a file changed in three commits counts three). */
  filesScanned: number;
  /** Bytes read: of files, or of the diff output (every added and removed line, and the headers). */
  bytesScanned: number;
  durationMs: number;
  /** For history scans: how many commits were read. */
  commitsScanned?: number;
  /** Things the user should know about the run (a shallow clone, submodules not followed…). */
  notes?: string[];
  /**
   * For a scan of part of the code (staged lines, a diff, a range of history): the lines it read, by path, as
   * [first, last] ranges. Absent: it read everything there is.
   */
  linesRead?: Map<string, Array<[number, number]>>;
  /** Baseline entries that matched no finding of this run. */
  staleBaseline?: Array<{ fingerprint: string; ruleId: string; path: string; preview: string }>;
  /** Findings left out because the baseline lists them. */
  baselined?: number;
  /** What --verify asked the vendors, and what they said. */
  verify?: VerifySummary;
  /** What the revoke webhook did, when the run said --revoke. */
  revoke?: RevokeSummary;
  /** An organization scan: what became of each repository. */
  repositories?: RepositoryStatus[];
}

/** One repository of an organization scan: scanned (in full or its new commits), unchanged since the state, or failed. */
export interface RepositoryStatus {
  repository: string;
  status: 'scanned' | 'unchanged' | 'failed';
  commitsScanned: number;
  durationMs: number;
  /** Why it failed: git's or the host's reason, without credentials. */
  error?: string;
}

/** Files larger than this are skipped (and reported) unless the config or --max-file-size says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024;

/** Reports read in file order, then line, then column, whatever order the reads finished in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => compareInReport(a.location, b.location) || compareTies(a, b));
}

/**
 * Findings at the same place (the same line of a file in two commits of a history scan, two rules at one column):
 * the older commit first, then by commit, rule and fingerprint, so that the report does not depend on which worker
 * or git process finished first.
 */
function compareTies(a: Finding, b: Finding): number {
  return compareDates(a.location, b.location) || compareText(a.location.commit ?? '', b.location.commit ?? '') || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint);
}

/** The older commit first; a place with no date (a file of the tree) after those with one. */
export function compareDates(a: Location, b: Location): number {
  return (Date.parse(a.date ?? '') || Infinity) - (Date.parse(b.date ?? '') || Infinity) || 0;
}

/** The report's order of places: repository (in an organization scan), file, line, column. */
export function compareInReport(a: Location, b: Location): number {
  return compareText(a.repository ?? '', b.repository ?? '') || compareText(a.path, b.path) || a.line - b.line || a.column - b.column;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
