import { describe, expect, it } from 'vitest';
import { stopCharacters } from '../../src/engine/stop-characters.js';
import { AsciiSet } from '../../src/engine/ascii-set.js';
import { stretchesAroundHits } from '../../src/engine/stretches.js';

/** Every match of `source` in each range, run on the range alone as the detector does, at offsets in `text`. */
function matchesIn(text: string, ranges: Array<[number, number]>, source: string): string[] {
  const found: string[] = [];
  for (const [from, to] of ranges) {
    for (const m of text.slice(from, to).matchAll(new RegExp(source, 'g'))) found.push(`${from + m.index}:${m[0]}`);
  }
  return found;
}

/** Random code-like text: URLs with and without passwords, quotes, spaces, brackets, long runs of word characters. */
function randomText(seed: number): string {
  const pieces = ['https://user:pa55word99@host.example', 'ftp://', '://', ' ', '"', "'", '(', ')', ',', 'abc', 'x'.repeat(40), 'tok_abcdefgh', '"tok_', '\t', '=', '@', ':'];
  let state = seed;
  let text = '';
  for (let i = 0; i < 400; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    text += pieces[state % pieces.length];
  }
  return text;
}

const PATTERNS: Array<{ source: string; keyword: string }> = [
  { source: String.raw`[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/"']+:(?<secret>[^\s:@/"']{8,256})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*`, keyword: '://' },
  { source: String.raw`(?<![A-Za-z0-9_-])tok_(?<secret>[a-z]{8})(?![a-z])`, keyword: 'tok_' },
  { source: String.raw`\btok_(?<secret>[a-z]{4,})\b`, keyword: 'tok_' },
  // These two see the quote beside the match: the stop character kept at each end of a stretch.
  { source: String.raw`(?<=["'])tok_(?<secret>[a-z]{8})`, keyword: 'tok_' },
  { source: String.raw`tok_(?<secret>[a-z]{8})(?=["'])`, keyword: 'tok_' },
];

describe('stretchesAroundHits', () => {
  it('finds every match the whole windows hold, on random text, whatever the windows', () => {
    for (const { source, keyword } of PATTERNS) {
      const stops = stopCharacters([source], '', [keyword]);
      expect(stops).toContain(' ');
      for (let seed = 1; seed <= 30; seed++) {
        const text = randomText(seed);
        // Windows as the detector merges them: around each hit, here of a random width.
        const hits: number[] = [];
        for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) hits.push(at);
        const windows: Array<[number, number]> = [];
        for (const hit of hits) {
          const width = 20 + ((hit * seed) % 300);
          const [from, to] = [Math.max(0, hit - width), Math.min(text.length, hit + keyword.length + width)];
          const last = windows[windows.length - 1];
          if (last && from <= last[1]) last[1] = Math.max(last[1], to);
          else windows.push([from, to]);
        }
        const stretches = stretchesAroundHits(text, windows, hits, new AsciiSet(stops));
        expect(matchesIn(text, stretches, source)).toEqual(matchesIn(text, windows, source));
      }
    }
  });

  it('cuts a long line of URLs down to the URLs', () => {
    const line = Array.from({ length: 50 }, (_, i) => `"https://example.com/${i}" + other + code + between + them`).join(', ');
    const hits: number[] = [];
    for (let at = line.indexOf('://'); at !== -1; at = line.indexOf('://', at + 1)) hits.push(at);
    const stretches = stretchesAroundHits(line, [[0, line.length]], hits, new AsciiSet(' "'));
    expect(stretches).toHaveLength(50);
    expect(stretches.every(([from, to]) => line.slice(from, to).startsWith('"https://') && line.slice(from, to).endsWith('"'))).toBe(true);
  });
});
