import type { AsciiSet } from './ascii-set.js';

/**
 * Where a rule's regex must run inside its windows, when no match can hold a stop character and every match holds
 * a keyword: around each hit, the stretch from the stop character before it to the one after, within the window
 * that holds the hit. The stop characters themselves are kept, one on each side, so that a one-character
 * lookaround, `\b`, `^` and `$` see what they saw in the window. No match is lost, as none can cross a stop
 * character, nor hold no hit.
 *
 * `windows` and `hits` ascend, and each hit is in a window. Stretches that meet are joined. Linear: a hit inside the
 * stretch already found is not searched around again.
 */
export function stretchesAroundHits(text: string, windows: Array<[number, number]>, hits: number[], stops: AsciiSet): Array<[number, number]> {
  const stretches: Array<[number, number]> = [];
  const isStop = (at: number) => stops.has(text.charCodeAt(at));
  let window = 0;
  let runEnd = -1;
  for (const hit of hits) {
    if (hit < runEnd) continue;
    while (windows[window]![1] <= hit) window++;
    const [from, to] = windows[window]!;
    let start = hit;
    while (start > from && !isStop(start - 1)) start--;
    let end = hit;
    while (end < to && !isStop(end)) end++;
    runEnd = end;
    const stretch: [number, number] = [Math.max(from, start - 1), Math.min(to, end + 1)];
    const last = stretches[stretches.length - 1];
    if (last && stretch[0] <= last[1]) last[1] = stretch[1];
    else stretches.push(stretch);
  }
  return stretches;
}
