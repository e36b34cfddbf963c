import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/engine/aho-corasick.js';
import { KeywordPrefilter } from '../../src/engine/prefilter.js';
import { randomAlnum } from '../helpers/keys.js';

/** Every occurrence of every keyword, found the slow and obvious way. */
function naive(text: string, keywords: string[]): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  keywords.forEach((keyword) => {
    for (let i = lower.indexOf(keyword); i !== -1; i = lower.indexOf(keyword, i + 1)) found.push(`${i}:${keyword}`);
  });
  return found.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested keywords, case-insensitively', () => {
    const keywords = ['sk_live_', 'smtgw_sk_live_', 'api_key', 'api_key=', 'key'];
    const ac = new AhoCorasick(keywords);
    const found: string[] = [];
    const text = 'SMTGW_SK_LIVE_x api_key=1 Api_Key';
    ac.scan(text, (index, start) => found.push(`${start}:${keywords[index]}`));
    expect(found.sort()).toEqual(naive(text, keywords));
  });

  it('agrees with a naive search on random text and random keywords', () => {
    for (let round = 0; round < 50; round++) {
      const keywords = [...new Set(Array.from({ length: 20 }, () => randomAlnum(2 + (round % 4)).toLowerCase()))];
      const text = `${randomAlnum(3000)}é${randomAlnum(500)}`;
      const found: string[] = [];
      new AhoCorasick(keywords).scan(text, (index, start) => found.push(`${start}:${keywords[index]}`));
      expect(found.sort()).toEqual(naive(text, keywords));
    }
  });

  it('refuses a non-ASCII keyword rather than never matching it', () => {
    expect(() => new AhoCorasick(['clé'])).toThrow(/ASCII/);
  });

  it('reads only the lines that start with a given character when asked, and misses none of their keywords', () => {
    for (let round = 0; round < 30; round++) {
      const keywords = [...new Set(Array.from({ length: 15 }, () => randomAlnum(2 + (round % 3)).toLowerCase()))];
      const lines = Array.from({ length: 60 }, (_, i) => `${'+- @'[i % 4]}${i % 7 === 0 ? '' : randomAlnum(50)}`);
      const text = lines.join('\n') + (round % 2 ? '\n' : '');
      const expected: string[] = [];
      let offset = 0;
      for (const line of lines) {
        if (line.startsWith('+')) expected.push(...naive(line, keywords).map((hit) => hit.replace(/^\d+/, (at) => String(Number(at) + offset))));
        offset += line.length + 1;
      }
      const found: string[] = [];
      new AhoCorasick(keywords).scanLinesStartingWith(text, '+', (index, start) => found.push(`${start}:${keywords[index]}`));
      expect(found.sort()).toEqual(expected.sort());
    }
  });

  it('refuses a keyword that spans lines (line-by-line reading would miss it)', () => {
    expect(() => new AhoCorasick(['a\nb'])).toThrow(/one line/);
  });
});

describe('KeywordPrefilter', () => {
  it('reports hits in order of where they start', () => {
    const offsets = new KeywordPrefilter(['abcdef', 'cd', 'b']).hits('xabcdefx').map((h) => h.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
