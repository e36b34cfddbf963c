/** Shared vocabulary of the detection pipeline: chunks in, findings out. */
import type { KeywordHit } from './prefilter.js';

export type Severity = 'error' | 'warning' | 'info';

/** Severity order, most severe first; `never` is only a fail-on threshold. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** Where a chunk of text came from. Sources fill it; nothing after them knows git. */
export interface Origin {
  /** Path as reported: relative to the working directory, with forward slashes; `<stdin>` for standard input. */
  path: string;
  /**
   * Path inside the scanned project (relative to the folder named on the command line, or the repository), when it
   * differs from `path`: where a file stands (client, test…) is judged on this, so that scanning `fixtures/` does
   * not make every file a fixture.
   */
  projectPath?: string;
  /**
   * The file's absolute path, when `path` is relative to another folder than the process's (ESLint's cwd): where
   * the nearest package.json and the app's imports are looked up.
   */
  file?: string;
  commit?: string;
  author?: string;
  date?: string;
}

export interface Chunk {
  origin: Origin;
  text: string;
  /**
   * Line number in the original file of each line of `text`, when the chunk is not a whole file
   * (the added lines of a diff). Absent: line N of the text is line N of the file.
   */
  lineNumbers?: readonly number[];
  /**
   * The keyword hits in `text`, when the caller found them already (a diff's sparse read, a file's bytes): the
   * detector's pass is not made again.
   */
  hits?: readonly KeywordHit[];
}

export interface Location {
  /** In an organization scan: the repository, as its URL or path was given (without credentials). */
  repository?: string;
  path: string;
  line: number;
  column: number;
  endColumn: number;
  commit?: string;
  author?: string;
  date?: string;
}

/**
 * Whether the vendor still accepts the key, as `--verify` found (GitHub's words): `unknown` when the answer could not
 * tell (a timeout, a 429, a 5xx, an answer the rule does not know).
 */
export type Validity = 'active' | 'inactive' | 'unknown';

export const VALIDITIES: readonly Validity[] = ['active', 'inactive', 'unknown'];

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  vendor?: string;
  /** What kind of key this is, when the rule knows. */
  keyType?: { kind: 'secret' | 'public'; mode?: 'live' | 'test' };
  message: string;
  remediation: string;
  /** The environment variable the vendor suggests for the key, when the rule knows one. */
  envVar?: string;
  location: Location;
  /** The matched line with the secret replaced by its preview, trimmed around it. */
  snippet: string;
  /** A redacted preview, such as `sk_live_…4f2a`. */
  preview: string;
  /** SHA-256 over rule id and secret: stable when the line moves. */
  fingerprint: string;
  /** Context labels of the file the finding stands in (client-side, test, docs…). */
  context?: string[];
  /** Set only on findings `--verify` asked the vendor about. */
  validity?: Validity;
  /** For a history scan: the same secret across commits, reported once at the commit that introduced it. */
  history?: HistoryFacts;
  /**
   * In an organization scan, when the same key is in several repositories: where it was introduced in each (the
   * first is `location`). A shared key is one finding.
   */
  locations?: Location[];
  /** In an incremental organization scan (`--state`): whether no earlier run had seen this key in these repositories. */
  new?: boolean;
}

export interface HistoryFacts {
  /** How many times commits added it. */
  occurrences: number;
  commits: number;
  files: string[];
  /** Whether HEAD still holds it; when not, it is leaked all the same to anyone with a clone. */
  inCurrentTree: boolean;
  /** When HEAD never had it: the ref that holds the commit that added it (the nearest, as git names it; empty: none). */
  unmergedRefs?: string[];
}
