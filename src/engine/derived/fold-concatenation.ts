import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import type { View } from './derive.js';
import { joinsAdjacentLiterals, literalSyntaxOf, stringLiteralsIn, type LiteralSyntax, type StringLiteral } from './string-literals.js';
import { allMatches } from '../all-matches.js';

/** Lines longer than this (minified bundles) are not lexed: a split key is written by a person, on a short line. */
const MAX_LINE = 1000;
/** How many lines one concatenation may run over (a key split over a Java statement's continuation lines). */
const MAX_LINES = 12;
/** Folded values shorter than this hold no key. */
const MIN_FOLDED = 12;
/** Of the line before the first literal, how much a folded text keeps (the name the value is assigned to). */
const PREFIX = 200;

/**
 * Where a closing quote, an operator and an opening quote meet (`" +`, `+ '`, `' .`, `${"`…): the keyword pass finds
 * them, and only their lines are lexed. Adjacent literals (Python, Ruby, C: `"sk_live_" "…"`, or `("sk_live_"` then
 * `"…")` on the next line) are found by a regex, in those languages' files only: their marker would be in every file.
 */
const MARKERS = ['" +', "' +", '` +', '"+', "'+", '`+', '+ "', "+ '", '+ `', '+"', "+'", '+`', '${"', "${'", '" . ', "' . "];
const IMPLICIT_JOIN = /["'][ \t]*(?:\\?\r?\n[ \t]*)?["']/g;

/**
 * Keys split into pieces, as a reader folds them: `"sk_li" + "ve_…"`, Python's `("sk_live_" "…")`, PHP's `'a' . 'b'`,
 * a template literal's `${'…'}` parts, over several lines too. Each folded run of literals becomes one line of text:
 * the line up to the first literal, the folded literal, and the rest of the last literal's line (where an inline
 * ignore would stand).
 */
export const foldConcatenations: View = {
  markers: MARKERS,
  reach: 1024,
  readsWithoutMarkers: (_text, path) => joinsAdjacentLiterals(path),
  derive(text, path, hits) {
    const syntax = literalSyntaxOf(path);
    const offsets = hits.offsetsOfAny(MARKERS);
    if (syntax.implicitJoin) for (const m of allMatches(IMPLICIT_JOIN, text)) offsets.push(m.index!);
    if (offsets.length === 0) return [];
    offsets.sort((a, b) => a - b);
    const out: DerivedText[] = [];
    let doneUpTo = -1;
    for (const offset of offsets) {
      if (offset < doneUpTo) continue; // on a line already read (a long line has thousands of hits)
      let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      // An operator that opens its line continues the line above: the run starts there.
      if (lineStart > 0 && text.slice(lineStart, offset).trim() === '') lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      doneUpTo = foldFromLine(text, lineStart, syntax, out);
    }
    return out;
  },
};

/** Folds the runs of joined literals that start on the line at `lineStart`; returns the end of the last line read. */
function foldFromLine(text: string, lineStart: number, syntax: LiteralSyntax, out: DerivedText[]): number {
  let line = lineAt(text, lineStart);
  if (line.end - line.start > MAX_LINE) return line.end;
  let literals = stringLiteralsIn(text, line.start, line.end, syntax);
  let index = 0;
  while (index < literals.length) {
    const runLineStart = line.start;
    const run: StringLiteral[] = [literals[index]!];
    let lines = 1;
    for (;;) {
      const current = run[run.length - 1]!;
      const next = literals[index + 1];
      if (next) {
        if (!joins(text.slice(current.end, next.start), syntax)) break;
        run.push(next);
        index++;
        continue;
      }
      // The run may go on on the next line: the operator ends this line, or opens the next one.
      const newline = text.indexOf('\n', line.end);
      if (lines >= MAX_LINES || newline === -1) break;
      const nextLine = lineAt(text, newline + 1);
      if (nextLine.end - nextLine.start > MAX_LINE) break;
      const nextLiterals = stringLiteralsIn(text, nextLine.start, nextLine.end, syntax);
      const first = nextLiterals[0];
      if (!first || !joins(text.slice(current.end, first.start), syntax)) break;
      run.push(first);
      line = nextLine;
      literals = nextLiterals;
      index = 0;
      lines++;
    }
    index++;
    const parts = run.flatMap((literal) => literal.parts);
    const length = parts.reduce((sum, [from, to]) => sum + to - from, 0);
    if (parts.length > 1 && length >= MIN_FOLDED) out.push(foldedText(text, runLineStart, run, line.end));
  }
  return line.end;
}

/** Whether what stands between two literals joins them: only blanks and one operator (or only blanks, where allowed). */
function joins(between: string, syntax: LiteralSyntax): boolean {
  const trimmed = between.replace(/\\?\r?\n/g, ' ').trim();
  if (trimmed === '') return syntax.implicitJoin && !between.includes('\n\n');
  return trimmed.length === 1 && syntax.operators.includes(trimmed);
}

function foldedText(text: string, lineStart: number, run: StringLiteral[], runLineEnd: number): DerivedText {
  const first = run[0]!;
  const lastLiteral = run[run.length - 1]!;
  const builder = new DerivedTextBuilder(text);
  builder.copy(Math.max(lineStart, first.start - PREFIX), first.start);
  builder.put('"', first.start, first.start + 1);
  for (const literal of run) for (const [from, to] of literal.parts) builder.copy(from, to);
  builder.put('"', lastLiteral.end - 1, lastLiteral.end);
  builder.copy(lastLiteral.end, Math.min(runLineEnd, lastLiteral.end + PREFIX));
  return builder.build('fold-concatenation');
}

/** The line that starts at `start`: its end excludes the line break and a CR before it. */
function lineAt(text: string, start: number): { start: number; end: number } {
  const newline = text.indexOf('\n', start);
  let end = newline === -1 ? text.length : newline;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
}
