import { allMatches } from '../all-matches.js';

/**
 * The matches of `regex` (global; with the `d` flag when group offsets are needed) in the stretches of `text`
 * around each of `offsets`: from the start of the line before the offset's (a name may stand on the line above its
 * value's marker) to `reach` characters past it, at most `reach` before it. A form that needs a name and a value
 * costs a look near its marker, not a regex run over the whole file. Offsets in the returned matches are the
 * file's; a match found near two markers is returned once.
 */
export function matchesNear(text: string, offsets: readonly number[], regex: RegExp, reach: number): RegExpMatchArray[] {
  const found: RegExpMatchArray[] = [];
  const seen = new Set<number>();
  let lastTo = -1;
  for (const at of offsets) {
    // A marker well inside the last stretch read was read with it (a minified line holds a marker every few bytes).
    if (at + reach / 2 <= lastTo) continue;
    const floor = Math.max(0, at - reach);
    const lineStart = lineStartAfter(text, at, floor);
    const from = lineStart > floor ? lineStartAfter(text, lineStart - 1, floor) : floor;
    const to = Math.min(text.length, at + reach);
    lastTo = to;
    for (const m of allMatches(regex, text.slice(from, to))) {
      const start = from + m.index!;
      if (seen.has(start)) continue;
      seen.add(start);
      m.index = start;
      if (m.indices) {
        // A named group's range may be the same array as its numbered one: shift each array once.
        const ranges = new Set([...m.indices, ...Object.values(m.indices.groups ?? {})]);
        for (const range of ranges) if (range) shift(range, from);
      }
      found.push(m);
    }
  }
  return found;
}

/** The start of the line holding `offset`, looking back no further than `floor` (a 50 MB line is not walked back). */
function lineStartAfter(text: string, offset: number, floor: number): number {
  for (let i = offset - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

function shift(range: [number, number], by: number): void {
  range[0] += by;
  range[1] += by;
}
