import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/engine/all-matches.js';

/** What a test compares: each match's text, groups, offset and (with the d flag) group ranges. */
const summary = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => ({ all: [...m], index: m.index, groups: m.groups, indices: m.indices && [...m.indices] }));

describe('allMatches', () => {
  it('gives what String.prototype.matchAll gives, empty matches and surrogate pairs included', () => {
    const cases: Array<[RegExp, string]> = [
      [/(["'`])([A-Za-z0-9+/]{8,}={0,2})\1/g, `a = "c2VjcmV0LXZhbHVl"; b = 'short'; c = \`QUJDREVGR0hJSks=\``],
      [/(?<name>\w+)\s*=\s*(?<value>\d+)/dg, 'x = 1, y=22, z =333'],
      [/x*/g, 'axxbx'],
      [/(?:)/gu, 'a🔑b'],
      [new RegExp('\\p{L}*', 'gv'), 'é🔑ü'],
      [/\b/g, 'one two'],
      [/nothing/g, 'here'],
    ];
    for (const [regex, text] of cases) {
      expect(summary(allMatches(regex, text))).toEqual(summary(text.matchAll(new RegExp(regex))));
      expect(regex.lastIndex).toBe(0);
    }
  });

  it('starts from the beginning whatever the regex was left at, and refuses a regex that is not global', () => {
    const regex = /\d+/g;
    regex.lastIndex = 5;
    expect(allMatches(regex, '12 34 56').map((m) => m[0])).toEqual(['12', '34', '56']);
    expect(() => allMatches(/\d+/, '1')).toThrow(/global/);
  });
});
