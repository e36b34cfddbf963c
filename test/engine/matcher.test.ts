import { describe, expect, it } from 'vitest';
import { LinearMatcher, NativeMatcher } from '../../src/engine/matcher.js';

describe('LinearMatcher (users’ rules)', () => {
  it('gives the offsets of the secret group, with (?P<name>) and (?<name>) syntax', () => {
    for (const source of ['key=(?P<secret>[a-z0-9]+)', 'key=(?<secret>[a-z0-9]+)']) {
      expect([...new LinearMatcher(source, '').matchAll('x key=abc123 key=def')]).toEqual([
        { start: 2, end: 12, secretStart: 6, secretEnd: 12 },
        { start: 13, end: 20, secretStart: 17, secretEnd: 20 },
      ]);
    }
  });

  it('rejects a pattern with no secret group', () => {
    expect(() => new LinearMatcher('key=[a-z]+', '')).toThrow(/secret/);
  });

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    // On a backtracking engine this pattern takes exponential time on this input; the vitest timeout guards it.
    const matcher = new LinearMatcher('(?P<secret>(a+)+)$', '');
    const text = `${'a'.repeat(30_000)}!`;
    expect([...matcher.matchAll(text)]).toEqual([]);
  }, 10_000);
});

describe('NativeMatcher (built-in rules)', () => {
  it('finds every match and the secret group', () => {
    const matcher = new NativeMatcher('id_(?<secret>\\d+)', '');
    expect([...matcher.matchAll('id_1 id_22')].map((m) => [m.secretStart, m.secretEnd])).toEqual([
      [3, 4],
      [8, 10],
    ]);
  });
});

describe('NativeMatcher with required literals', () => {
  it('does not search a text that fails a clause, and searches one that meets them all', () => {
    const matcher = new NativeMatcher('[a-z]+://(?<secret>\\w+)@\\w+', '', [['://'], ['@']]);
    expect(matcher.matchAll('see https://example.com and user@host')).toEqual([]);
    expect(matcher.matchAll('url = https://s3cr3t@host').map((m) => [m.secretStart, m.secretEnd])).toEqual([[14, 20]]);
    // A clause the pattern does not need shows that a text without it is never searched.
    const gated = new NativeMatcher('key=(?<secret>\\w+)', '', [['token', 'secret'], ['=']]);
    expect(gated.matchAll('key=abc')).toEqual([]);
    expect(gated.matchAll('secret key=abc')).toHaveLength(1);
  });

  it('takes each literal as it is spelt, regex characters included', () => {
    const matcher = new NativeMatcher('a.b=(?<secret>\\w+)', '', [['a.b']]);
    expect(matcher.matchAll('axb=1')).toEqual([]);
    expect(matcher.matchAll('a.b=1')).toHaveLength(1);
  });

  it('under the i flag meets a clause in any case, as the pattern does', () => {
    const matcher = new NativeMatcher('bearer\\s+(?<secret>\\w{8,})', 'i', [['bearer']]);
    expect(matcher.matchAll('Authorization: BEARER abcdefgh12').length).toBe(1);
    expect(matcher.matchAll('Authorization: bEaReR abcdefgh12').length).toBe(1);
    // Without the u flag neither the pattern nor the clause folds the Kelvin sign to k.
    const kelvin = new NativeMatcher('(?<secret>key\\d)', 'i', [['key']]);
    expect('\u212Aey1'.match(/key\d/i)).toBeNull();
    expect(kelvin.matchAll('\u212Aey1')).toEqual([]);
    expect(kelvin.matchAll('KEY1')).toHaveLength(1);
  });
});
