/**
 * Reads `git log -p` / `git diff` output (with `-U0`, and `--cc` for merges) line by line and yields, per commit and
 * file, the lines that commit added, each with its line number in that commit's version of the file.
 *
 * It works as a state machine on line prefixes, never holding more than one file's added lines:
 *   `\x01sha\0author\0email\0date` (our --format) starts a commit; `diff ` starts a file; `@@` starts a hunk;
 *   inside a hunk, lines start with one prefix column per parent (`+`, `-`, ` `), or `\` (no newline at end).
 * In a merge's combined diff (`--cc`) a line counts as added only when every column says `+`: it is in none of the
 * parents, so the merge itself introduced it (a conflict resolution) — the case gitleaks and trufflehog miss.
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

import { addedLinesAtHits, type DiffHit, type PlacedHit } from './sparse-hunks.js';

/** Past this many characters of added lines in one file, a part is handed on, so a huge diff never fills memory. */
const FLUSH_CHARS = 4 * 1024 * 1024;
/** One less than the longest section boundary, `\ndiff `. */
const SEAM = 5;

export class DiffParser {
  /** Commits seen so far. */
  commits = 0;
  /** File diffs seen so far (a file changed in a commit counts once per commit). */
  files = 0;
  /** Characters of diff output read (as many as bytes, but for non-ASCII text): the size of what was scanned. */
  charsRead = 0;
  private pending = '';
  /** The last characters fed, for a boundary split between two blocks. */
  private tail = '';
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  private inHunk = false;
  private columns = 1;
  private nextLine = 0;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  private submodule = false;
  /** The new content's blob id, from the file's `index a..b` line. */
  private blob: string | undefined;
  /** The paths of the current commit's file diffs read so far. */
  private readonly pathsOfCommit = new Set<string>();

  /**
   * `keywordHits`, when given, finds the offsets of rule keywords in a text. Each file's diff is then read
   * sparsely: its header, and only the added lines that hold a hit (and, for a hit whose rules look past its line,
   * the added lines within their reach).
   * Without it, every added line is handed on.
   */
  constructor(
    private readonly onAdded: (added: AddedLines) => void,
    private readonly onNote: (note: DiffNote) => void = () => undefined,
    private readonly keywordHits?: (text: string, onlyLinesStartingWith: string) => readonly DiffHit[],
    /** Told of each hunk's lines in the new file (first line, count): what a diff scan has looked at. */
    private readonly onHunk?: (path: string, first: number, count: number) => void,
  ) {}

  /** Feeds raw output (any block size); complete sections (a commit line, or one file's diff) are processed. */
  write(text: string): void {
    this.charsRead += text.length;
    // Most blocks of a long file diff hold no boundary: then only the block (and the seam before it) is searched and
    // the block is appended, rather than the whole pending text searched and copied again block after block.
    const seam = this.tail + text;
    this.tail = seam.slice(-SEAM);
    if (this.pending && seam.indexOf('\ndiff ') === -1 && seam.indexOf('\n\x01') === -1) {
      this.pending += text;
      if (this.pending.length > FLUSH_CHARS * 2) this.readLongSection();
      return;
    }
    const buffer = this.pending + text;
    const boundaries = new SectionBoundaries(buffer);
    let start = 0;
    for (;;) {
      const next = boundaries.after(start);
      if (next === -1) break;
      this.section(buffer.slice(start, next));
      start = next;
    }
    this.pending = buffer.slice(start);
    if (this.pending.length > FLUSH_CHARS * 2) this.readLongSection();
  }

  /** A single file's diff this large is read line by line as it comes, so memory stays bounded. */
  private readLongSection(): void {
    const cut = this.pending.lastIndexOf('\n') + 1;
    this.eachLine(this.pending.slice(0, cut));
    this.pending = this.pending.slice(cut);
  }

  private section(text: string): void {
    if (!this.keywordHits || text.charCodeAt(0) !== 100 /* d */) {
      this.eachLine(text);
      return;
    }
    const hunk = text.indexOf('\n@@');
    this.eachLine(hunk === -1 ? text : text.slice(0, hunk + 1)); // the header: path, binary, submodule
    this.inHunk = false;
    if (this.noteSubmodule()) return;
    if (hunk === -1 || this.path === undefined) return;
    if (this.onHunk) {
      for (let at = hunk + 1; at > 0; at = text.indexOf('\n@@', at) + 1) this.reportHunk(text.slice(at, text.indexOf('\n', at)));
    }
    const { lines, lineNumbers, hits } = addedLinesAtHits(text, this.keywordHits(text, '+')); // added lines start with +
    if (lines.length) this.onAdded({ ...(this.commit ? { commit: this.commit } : {}), path: this.path, lines, lineNumbers, hits });
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
      this.blob = /\.\.([0-9a-f]{40,64})\b/.exec(text)?.[1];
    } else if (text.startsWith('Binary files ')) {
      const path = /and (?:"?b\/)?(.*?)"? differ$/.exec(text)?.[1] ?? this.path;
      if (path && path !== '/dev/null') {
        const blob = this.blob && !/^0+$/.test(this.blob) ? { blob: this.blob } : {};
        this.onNote({ kind: 'binary', path: unquote(path), ...this.commitRef(), ...blob, ...(this.commit ? { commitInfo: this.commit } : {}) });
      }
    }
  }

  /** The paths of the last commit's file diffs read so far (what a re-run after a git failure may leave out). */
  pathsOfLastCommit(): string[] {
    return [...this.pathsOfCommit];
  }

  /** Processes what is left and hands it on; call at the end of the output. */
  end(): void {
    if (this.pending) this.section(this.pending);
    this.pending = '';
    this.flush();
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
    this.blob = undefined;
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
 * Where the next commit line or file diff starts after a position (each begins a line: hunk lines never do).
 * Remembers the last hit of each search, so a block of many small files is not searched again and again for the
 * commit marker far ahead.
 */
class SectionBoundaries {
  private diff = -2;
  private commit = -2;

  constructor(private readonly text: string) {}

  after(from: number): number {
    if (this.diff !== -1 && this.diff < from) this.diff = this.text.indexOf('\ndiff ', from);
    if (this.commit !== -1 && this.commit < from) this.commit = this.text.indexOf('\n\x01', from);
    const next = this.diff === -1 ? this.commit : this.commit === -1 ? this.diff : Math.min(this.diff, this.commit);
    return next === -1 ? -1 : next + 1;
  }
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
