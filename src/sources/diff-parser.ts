/**
 * Reads `git log -p` / `git diff` output (with `-U0`, and `--cc` for merges) line by line and yields, per commit and
 * file, the lines that commit added, each with its line number in that commit's version of the file.
 *
 * It works as a state machine on line prefixes, never holding more than one file's added lines:
 *   `\x01sha\0author\0email\0date` (our --format) starts a commit; `diff ` starts a file; `@@` starts a hunk;
 *   inside a hunk, lines start with one prefix column per parent (`+`, `-`, ` `), or `\` (no newline at end).
 * In a merge's combined diff (`--cc`) a line counts as added only when every column says `+`: it is in none of the
 * parents, so the merge itself introduced it (a conflict resolution) — the case gitleaks and trufflehog miss.
 * It reads git's bytes: the keyword pass runs over them, and a file's diff is decoded whole only when an added line
 * holds a hit.
 */

export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

export interface AddedLines {
  commit?: CommitInfo;
  path: string;
  lines: string[];
  lineNumbers: number[];
  /** The keyword hits in `lines.join('\n')`, when the sparse read found them already. */
  hits?: PlacedHit[];
}

/**
 * A file the parser cannot hand on as lines: a binary diff (with the new content's blob id, when git printed it in
 * full with --full-index, and the commit), or a submodule.
 */
export type DiffNote = { kind: 'binary' | 'submodule'; path: string; commit?: string; blob?: string; commitInfo?: CommitInfo };

import { isAscii } from 'node:buffer';
import { addedLinesAtHits, type DiffHit, type PlacedHit } from './sparse-hunks.js';

/** A keyword hit as the byte pass finds it: no reach yet. */
export type FoundHit = Pick<DiffHit, 'keyword' | 'offset'>;

/** What finds rule keywords for a sparse read: the detector. */
export interface KeywordFinder {
  /** The hits in a decoded text, in its lines that start with `onlyLinesStartingWith`, at UTF-16 offsets. */
  keywordHits(text: string, onlyLinesStartingWith: string): readonly DiffHit[];
  /** The hits in raw bytes, in every line, at byte offsets; undefined when this pass is not available. */
  keywordHitsAtByteOffsets(bytes: Uint8Array): FoundHit[] | undefined;
  /** A hit of the byte pass with its reach. */
  withReach(hit: FoundHit): DiffHit;
}

/** Past this many characters of added lines in one file, a part is handed on, so a huge diff never fills memory. */
const FLUSH_CHARS = 4 * 1024 * 1024;
/** A file's diff held unread past this many bytes is read line by line as it comes (readLongSection). */
const LONG_SECTION_BYTES = 8 * 1024 * 1024;
/** One less than the longest section boundary, `\ndiff `. */
const SEAM = 5;
/**
 * Output is read in blocks of at least this many bytes: a pipe hands it on 4 KB at a time, and a keyword pass per
 * 4 KB would cost more in calls than in scanning.
 */
const BLOCK = 128 * 1024;
const NO_BYTES: Buffer = Buffer.alloc(0);
/** The starts of a file's diff and a hunk, as bytes: a string needle is encoded on every search. */
const FILE_LINE = Buffer.from('\ndiff ');
const HUNK_LINE = Buffer.from('\n@@');

export class DiffParser {
  /** Commits seen so far. */
  commits = 0;
  /** File diffs seen so far (a file changed in a commit counts once per commit). */
  files = 0;
  /** Bytes of diff output read: the size of what was scanned. */
  bytesRead = 0;
  /** Output written and not yet read. */
  private incoming: Buffer[] = [];
  private incomingBytes = 0;
  /** The section being read (a commit line, or one file's diff), from its start: its end has not come yet. */
  private pending: Buffer = NO_BYTES;
  /**
   * The keyword hits in `pending` before `searched` (a line's start), at byte offsets in it, in ascending order;
   * undefined when there is no byte pass (no keywords, or no WebAssembly): each section is then searched as text.
   */
  private pendingHits: FoundHit[] | undefined;
  private searched = 0;
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  private inHunk = false;
  private columns = 1;
  private nextLine = 0;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  private submodule = false;
  /**
   * The file's `index a..b` line: b is the new content's blob id, read only for a binary diff, not by a regex on
   * each of a history's tens of thousands of file diffs.
   */
  private indexLine: string | undefined;
  /** The paths of the current commit's file diffs read so far. */
  private readonly pathsOfCommit = new Set<string>();

  /**
   * `keywords`, when given, finds rule keywords. Each file's diff is then read sparsely: its header, and only the
   * added lines that hold a hit (and, for a hit whose rules look past its line, the added lines within their reach).
   * The keyword pass runs over git's bytes as they come, so a file's diff with no hit in an added line is never
   * decoded beyond its header. Without it, every added line is handed on.
   */
  constructor(
    private readonly onAdded: (added: AddedLines) => void,
    private readonly onNote: (note: DiffNote) => void = () => undefined,
    private readonly keywords?: KeywordFinder,
    /** Told of each hunk's lines in the new file (first line, count): what a diff scan has looked at. */
    private readonly onHunk?: (path: string, first: number, count: number) => void,
  ) {
    if (keywords) this.pendingHits = [];
  }

  /** Feeds raw output (any block size); complete sections (a commit line, or one file's diff) are processed. */
  write(bytes: Buffer): void {
    this.bytesRead += bytes.length;
    this.incoming.push(bytes);
    this.incomingBytes += bytes.length;
    // A block at least as large as the section pending keeps the copying of a long file's diff linear.
    if (this.incomingBytes >= Math.max(BLOCK, this.pending.length)) this.read(false);
  }

  /** Processes what is left and hands it on; call at the end of the output. */
  end(): void {
    this.read(true);
    this.flush();
  }

  /** Reads what was written: the complete sections in it, and, at the end, the last one. */
  private read(atEnd: boolean): void {
    const parts = this.pending.length ? [this.pending, ...this.incoming] : this.incoming;
    this.incoming = [];
    this.incomingBytes = 0;
    // The pending section held no boundary: only the seam before the new block is searched again.
    const seamFrom = Math.max(0, this.pending.length - SEAM);
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    this.searchKeywords(data, atEnd ? data.length : data.lastIndexOf(10) + 1);
    const boundaries = new SectionBoundaries(data, seamFrom);
    const hits = this.pendingHits;
    let start = 0;
    let hit = 0;
    for (let next = boundaries.after(start); next !== -1; next = boundaries.after(start)) {
      const first = hit;
      while (hits && hit < hits.length && hits[hit]!.offset < next) hits[hit++]!.offset -= start;
      this.section(data.subarray(start, next), hits?.slice(first, hit));
      start = next;
    }
    const rest = hits?.slice(hit);
    for (const left of rest ?? []) left.offset -= start;
    if (atEnd) {
      if (start < data.length) this.section(data.subarray(start), rest);
      this.keep(NO_BYTES, [], 0);
    } else {
      this.keep(data.subarray(start), rest, this.searched - start);
      if (this.pending.length > LONG_SECTION_BYTES) this.readLongSection();
    }
  }

  /** Runs the byte pass over `data` from where it stopped to `until` (a line's start), adding to the pending hits. */
  private searchKeywords(data: Buffer, until: number): void {
    if (!this.pendingHits || until <= this.searched) return;
    const found = this.keywords!.keywordHitsAtByteOffsets(data.subarray(this.searched, until));
    if (!found) {
      this.pendingHits = undefined;
      return;
    }
    for (const hit of found) {
      hit.offset += this.searched;
      this.pendingHits.push(hit);
    }
    this.searched = until;
  }

  private keep(pending: Buffer, hits: FoundHit[] | undefined, searched: number): void {
    this.pending = pending;
    if (this.pendingHits) this.pendingHits = hits ?? [];
    this.searched = searched;
  }

  /** A single file's diff this large is read line by line as it comes, so memory stays bounded. */
  private readLongSection(): void {
    const cut = this.pending.lastIndexOf(10) + 1;
    this.eachLine(this.pending.toString('utf8', 0, cut));
    const rest = this.pendingHits?.filter((hit) => hit.offset >= cut);
    for (const hit of rest ?? []) hit.offset -= cut;
    this.keep(this.pending.subarray(cut), rest, Math.max(0, this.searched - cut));
  }

  /**
   * One complete section. `hits` are the byte pass's hits in it (undefined without one): a file's diff with none in
   * an added line is read no further than its header.
   */
  private section(bytes: Buffer, hits: FoundHit[] | undefined): void {
    if (!this.keywords || bytes[0] !== 100 /* d */) {
      this.eachLine(bytes.toString('utf8'));
      return;
    }
    const hunk = bytes.indexOf(HUNK_LINE);
    this.eachLine(bytes.toString('utf8', 0, hunk === -1 ? bytes.length : hunk + 1)); // the header: path, binary, submodule
    this.inHunk = false;
    if (this.noteSubmodule()) return;
    if (hunk === -1 || this.path === undefined) return;
    if (this.onHunk) {
      for (let at = hunk + 1; at > 0; at = bytes.indexOf(HUNK_LINE, at) + 1) this.reportHunk(bytes.toString('utf8', at, lineEnd(bytes, at)));
    }
    const added = hits && onLinesStartingWith(bytes, hits, 43 /* + */);
    if (added?.length === 0) return;
    // Read as Latin-1, a character a byte: the byte pass's offsets are the text's (keywords are ASCII, so a search
    // of this text finds them where it would in the decoded one). Lines are decoded from UTF-8 as they are taken.
    const text = bytes.toString('latin1');
    const keywords = this.keywords;
    const textHits = added ? added.map((hit) => keywords.withReach(hit)) : keywords.keywordHits(text, '+'); // added lines start with +
    if (textHits.length === 0) return;
    const { lines, lineNumbers, hits: placed } = addedLinesAtHits(text, textHits, isAscii(bytes) ? undefined : bytes);
    if (lines.length) this.onAdded({ ...(this.commit ? { commit: this.commit } : {}), path: this.path, lines, lineNumbers, hits: placed });
  }

  private eachLine(text: string): void {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.line(text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) this.line(text.slice(start));
  }

  line(text: string): void {
    const first = text.charCodeAt(0);
    if (this.inHunk && (first === 43 /* + */ || first === 45 /* - */ || first === 32 /* space */)) {
      this.hunkLine(text);
      return;
    }
    if (this.inHunk && first === 92 /* \ No newline at end of file */) return;
    this.inHunk = false;
    if (first === 1) this.startCommit(text);
    else if (text.startsWith('diff ')) this.startFile(text);
    else if (text.startsWith('@@')) this.startHunk(text);
    else if (text.startsWith('+++ ')) this.setPath(text === '+++ /dev/null' ? undefined : stripPrefix(unquote(text.slice(4).replace(/\t$/, ''))));
    else if (text.startsWith('rename to ') || text.startsWith('copy to ')) this.setPath(unquote(text.slice(text.indexOf(' to ') + 4)));
    else if (text === 'new file mode 160000' || (text.startsWith('index ') && text.endsWith(' 160000'))) {
      this.submodule = true;
    } else if (text.startsWith('index ')) {
      this.indexLine = text;
    } else if (text.startsWith('Binary files ')) {
      const path = /and (?:"?b\/)?(.*?)"? differ$/.exec(text)?.[1] ?? this.path;
      if (path && path !== '/dev/null') {
        const id = this.indexLine && /\.\.([0-9a-f]{40,64})\b/.exec(this.indexLine)?.[1];
        const blob = id && !/^0+$/.test(id) ? { blob: id } : {};
        this.onNote({ kind: 'binary', path: unquote(path), ...this.commitRef(), ...blob, ...(this.commit ? { commitInfo: this.commit } : {}) });
      }
    }
  }

  /** The paths of the last commit's file diffs read so far (what a re-run after a git failure may leave out). */
  pathsOfLastCommit(): string[] {
    return [...this.pathsOfCommit];
  }

  private startCommit(text: string): void {
    this.flush();
    this.commits++;
    this.pathsOfCommit.clear();
    const [sha = '', author = '', email = '', date = ''] = text.slice(1).split('\0');
    this.commit = { sha, author, email, date };
  }

  private startFile(text: string): void {
    this.flush();
    this.files++;
    this.noteSubmodule();
    this.indexLine = undefined;
    this.setPath(pathFromDiffHeader(text));
  }

  private setPath(path: string | undefined): void {
    this.path = path;
    if (path !== undefined) this.pathsOfCommit.add(path);
  }

  private startHunk(text: string): void {
    // A gitlink's "Subproject commit …" line is not content to scan.
    if (this.noteSubmodule()) this.path = undefined;
    let at = 0;
    while (text.charCodeAt(at) === 64 /* @ */) at++;
    this.columns = Math.max(1, at - 1);
    const plus = /\+(\d+)(?:,\d+)?\s+@/.exec(text);
    this.nextLine = plus ? Number(plus[1]) : 1;
    this.inHunk = true;
    this.reportHunk(text);
  }

  private reportHunk(header: string): void {
    if (!this.onHunk || this.path === undefined) return;
    const plus = /\+(\d+)(?:,(\d+))?\s+@/.exec(header);
    const count = plus ? Number(plus[2] ?? 1) : 0;
    if (count > 0) this.onHunk(this.path, Number(plus![1]), count);
  }

  private hunkLine(text: string): void {
    let added = true;
    for (let i = 0; i < this.columns; i++) {
      const c = text.charCodeAt(i);
      if (c === 45) return; // removed from the result: no line number of the new file
      if (c !== 43) added = false;
    }
    const lineNumber = this.nextLine++;
    if (!added || this.path === undefined) return;
    const content = text.slice(this.columns);
    this.lines.push(content);
    this.lineNumbers.push(lineNumber);
    this.chars += content.length + 1;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.lines.length && this.path !== undefined) {
      this.onAdded({ ...(this.commit ? { commit: this.commit } : {}), path: this.path, lines: this.lines, lineNumbers: this.lineNumbers });
    }
    this.lines = [];
    this.lineNumbers = [];
    this.chars = 0;
  }

  /** Reports the file just read as a submodule, if its header said so; true when it did. */
  private noteSubmodule(): boolean {
    if (!this.submodule) return false;
    if (this.path) this.onNote({ kind: 'submodule', path: this.path, ...this.commitRef() });
    this.submodule = false;
    return true;
  }

  private commitRef(): { commit?: string } {
    return this.commit ? { commit: this.commit.sha } : {};
  }
}

/**
 * Where the next commit line or file diff starts after a position (each begins a line: hunk lines never do), searched
 * for from `floor` on (what comes before it is known to hold none). Remembers the last hit of each search, so a
 * block of many small files is not searched again and again for the commit marker far ahead.
 */
class SectionBoundaries {
  private diff = -2;
  private commit = -2;

  constructor(
    private readonly bytes: Buffer,
    private readonly floor: number,
  ) {}

  after(position: number): number {
    const from = Math.max(position, this.floor);
    if (this.diff !== -1 && this.diff < from) this.diff = this.bytes.indexOf(FILE_LINE, from);
    if (this.commit !== -1 && this.commit < from) this.commit = this.commitLineAfter(from);
    const next = this.diff === -1 ? this.commit : this.commit === -1 ? this.diff : Math.min(this.diff, this.commit);
    return next === -1 ? -1 : next + 1;
  }

  /**
   * The newline before the next commit line's \x01 marker, at `from` or after. The marker is looked for alone: it is
   * rare, so the search runs at memchr's speed, where a search for "\n\x01" stops at every newline (3× the time).
   */
  private commitLineAfter(from: number): number {
    for (let at = this.bytes.indexOf(1, from + 1); at !== -1; at = this.bytes.indexOf(1, at + 1)) {
      if (this.bytes[at - 1] === 10) return at - 1;
    }
    return -1;
  }
}

/**
 * The hits that stand in lines starting with the byte `first`, in one sweep: hits are in ascending order, and each is
 * placed on its line from where the previous one's line ended, never by searching back from scratch.
 */
function onLinesStartingWith(bytes: Buffer, hits: readonly FoundHit[], first: number): FoundHit[] {
  const kept: FoundHit[] = [];
  let lineStart = 0;
  let lineEndsAt = -1;
  for (const hit of hits) {
    if (hit.offset > lineEndsAt) {
      lineStart = hit.offset === 0 ? 0 : bytes.lastIndexOf(10, hit.offset - 1) + 1;
      lineEndsAt = lineEnd(bytes, hit.offset);
    }
    if (bytes[lineStart] === first) kept.push(hit);
  }
  return kept;
}

/** Where the line through `at` ends (its newline, or the end). */
function lineEnd(bytes: Buffer, at: number): number {
  const end = bytes.indexOf(10, at);
  return end === -1 ? bytes.length : end;
}

/** `diff --git a/x b/x` → `x`; `diff --cc x` → `x`. Spaces make the two-path form ambiguous unless both halves agree. */
function pathFromDiffHeader(text: string): string | undefined {
  if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) return unquote(text.slice(text.indexOf(' ', 7) + 1));
  const rest = text.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const second = rest.slice(end + 2);
    return stripPrefix(unquote(second));
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3);
  return undefined; // a rename with spaces: `rename to` or `+++` says which
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') || path.startsWith('a/') ? path.slice(2) : path;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting of unusual paths: `"tab\there"`, octal bytes `\303\274` for UTF-8. */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
