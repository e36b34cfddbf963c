import { utf8Text } from './utf8-text.js';

/** A keyword hit: its offset, and how many characters past it its rules may look (0: its own line only). */
export interface DiffHit {
  offset: number;
  reach: number;
  keyword: string;
  /** The hit reads no line of its own (a quiet marker): it counts only where another hit brought its line. */
  passive?: boolean;
}

/** A keyword hit placed in the taken lines, joined by newlines. */
export interface PlacedHit {
  keyword: string;
  offset: number;
}

export interface SparseLines {
  lines: string[];
  lineNumbers: number[];
  /** Every hit within the lines taken, at its offset in `lines.join('\n')`: the detector need not look again. */
  hits: PlacedHit[];
}

/**
 * The added lines of one file's diff that hold a keyword hit, with their line numbers in the new file, found
 * without splitting the rest of the diff into lines: only the hunks that hold a hit are walked, and only up to
 * the hit. The line before each one is kept too when it was added, for `keyward-ignore-next-line`. A hit with a
 * reach (a PEM header) brings the contiguous added lines after it too, up to that many characters: a private key's
 * body holds no keyword, yet the rule must see it.
 *
 * `text` is one file's diff (header and hunks); `hits` are in ascending order of offset, and a passive one (a quiet
 * marker) takes no line of its own. When the diff is not ASCII, `text` is its bytes read as Latin-1 (a character a
 * byte, so the byte pass's offsets are its offsets) and `utf8` the bytes themselves: only the lines taken are then
 * decoded. Decoding the whole diff instead would make a bundle with one emoji a two-byte string, to be searched
 * again.
 *
 * Linear in the diff's length whatever the hits: a 100,000-character line of generated HTML can hold a thousand of
 * them, and each is placed on its line and in its hunk from where the previous one was, never by searching back
 * from scratch.
 */
export function addedLinesAtHits(text: string, hits: readonly DiffHit[], utf8?: Buffer): SparseLines {
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  // Where each taken line's text starts (after its prefix columns) and ends in `text`.
  const takenStarts: number[] = [];
  const takenEnds: number[] = [];
  let hunk = -1;
  let columns = 1;
  let cursor = 0;
  let nextNumber = 0;
  let previousAdded: { start: number; number: number } | undefined;
  let lastTaken = -1;
  // The line of the previous hit, and where the current hunk ends (the next hunk's header, or the end).
  let lineStart = -1;
  let lineEnd = -1;
  let hunkEnd = -1;

  // Characters from `from` to `to` in `text`: in a diff read as Latin-1, what its bytes decode to.
  const charsBetween = utf8
    ? (from: number, to: number) => utf8.toString('utf8', from, to).length
    : (from: number, to: number) => to - from;
  // The same count where it can be at most `limit`; past that, any figure above `limit`. A UTF-16 unit comes from at
  // most three bytes (a replacement character too), so more than 3 × limit bytes hold more than `limit` characters:
  // a long line after a reaching hit is not decoded only to learn that it is out of reach, once for each hit on it.
  const charsWithin = (from: number, to: number, limit: number) => (to - from > 3 * limit ? limit + 1 : charsBetween(from, to));
  const take = (start: number, number: number) => {
    if (start <= lastTaken) return;
    const end = text.indexOf('\n', start);
    const textEnd = end === -1 ? text.length : end;
    takenStarts.push(start + columns);
    takenEnds.push(textEnd);
    lines.push(utf8 ? utf8Text(utf8.subarray(start + columns, textEnd)) : text.slice(start + columns, textEnd));
    lineNumbers.push(number);
    lastTaken = start;
  };

  for (const { offset: hit, reach, passive } of hits) {
    if (passive) continue;
    if (hit >= lineEnd) {
      lineStart = text.lastIndexOf('\n', hit - 1) + 1;
      lineEnd = nextLineStart(text, hit) - 1;
    }
    // A line already taken for an earlier hit is skipped, unless this hit reaches past it and the earlier one did not.
    const reachesFurther = reach > 0 && lineStart === lastTaken && cursor === lineStart;
    if (lineStart <= lastTaken && !reachesFurther) continue;
    const header = hunk > 0 && lineStart > hunk && lineStart < hunkEnd ? hunk : text.lastIndexOf('\n@@', lineStart - 1) + 1;
    if (header === 0 || header === lineStart) continue; // a hit in the file header, or in a hunk header
    if (header !== hunk) {
      hunk = header;
      const nextHeader = text.indexOf('\n@@', header);
      hunkEnd = nextHeader === -1 ? text.length : nextHeader + 1;
      let at = header;
      while (text.charCodeAt(at) === 64 /* @ */) at++;
      columns = Math.max(1, at - header - 1);
      const headerEnd = text.indexOf('\n', header);
      const plus = /\+(\d+)(?:,\d+)?\s+@/.exec(text.slice(header, headerEnd));
      nextNumber = plus ? Number(plus[1]) : 1;
      cursor = headerEnd + 1;
      previousAdded = undefined;
    }
    // Walk from where the last hit in this hunk left off to the hit's line, numbering the lines of the new file.
    while (cursor < lineStart) {
      const end = text.indexOf('\n', cursor);
      const kind = lineKind(text, cursor, columns);
      if (kind !== 'absent') {
        previousAdded = kind === 'added' ? { start: cursor, number: nextNumber } : undefined;
        nextNumber++;
      }
      cursor = end === -1 ? text.length : end + 1;
    }
    if (cursor !== lineStart) continue;
    const kind = lineKind(text, lineStart, columns);
    if (kind === 'added') {
      if (previousAdded) take(previousAdded.start, previousAdded.number);
      take(lineStart, nextNumber);
      if (reach > 0) {
        // The block of added lines that follows, within the reach: the walk then resumes after it.
        let at = nextLineStart(text, lineStart);
        let number = nextNumber + 1;
        // Characters from the hit to `at`, counted line by line: in a non-ASCII diff, each line is decoded at most once.
        let reached = charsWithin(hit, at, reach);
        while (at < text.length && reached <= reach && lineKind(text, at, columns) === 'added') {
          take(at, number++);
          previousAdded = { start: at, number: number - 1 };
          const next = nextLineStart(text, at);
          reached += charsWithin(at, next, reach - reached);
          at = next;
        }
        if (number > nextNumber + 1) {
          cursor = at;
          nextNumber = number;
        }
      }
    }
  }
  return { lines, lineNumbers, hits: placedHits(hits, lines, takenStarts, takenEnds, charsBetween) };
}

/**
 * The hits within the taken lines, moved to where they stand once the lines are joined. Hits and lines are both in
 * ascending order, so one merge places them all; a hit in a line's prefix column (a keyword starting with `+`) is
 * not in the line's text and is dropped, as the detector's own pass over the joined lines would not find it.
 */
function placedHits(
  hits: readonly DiffHit[],
  lines: string[],
  starts: number[],
  ends: number[],
  charsBetween: (from: number, to: number) => number,
): PlacedHit[] {
  const placed: PlacedHit[] = [];
  let line = 0;
  let joinedStart = 0;
  // The last hit placed in the current line, when its bytes are not one character each: the next hit's characters
  // are counted from there.
  let from = -1;
  let fromChars = 0;
  for (const { keyword, offset } of hits) {
    while (line < lines.length && ends[line]! <= offset) joinedStart += lines[line++]!.length + 1;
    if (line === lines.length) break;
    const start = starts[line]!;
    if (offset < start) continue;
    let column = offset - start;
    if (lines[line]!.length !== ends[line]! - start) {
      if (from < start) {
        from = start;
        fromChars = 0;
      }
      fromChars += charsBetween(from, offset);
      from = offset;
      column = fromChars;
    }
    placed.push({ keyword, offset: joinedStart + column });
  }
  return placed;
}

function nextLineStart(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end + 1;
}

/**
 * A hunk line of a (combined) diff: `added` when every parent column says `+`; `absent` when a column says `-`
 * (not in the new file) or it is a `\ No newline` marker; `kept` otherwise.
 */
function lineKind(text: string, start: number, columns: number): 'added' | 'kept' | 'absent' {
  if (text.charCodeAt(start) === 92 /* \ */) return 'absent';
  let added = true;
  for (let i = 0; i < columns; i++) {
    const c = text.charCodeAt(start + i);
    if (c === 45 /* - */) return 'absent';
    if (c !== 43 /* + */) added = false;
  }
  return added ? 'added' : 'kept';
}
