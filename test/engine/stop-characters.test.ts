import { describe, expect, it } from 'vitest';
import { stopCharacters } from '../../src/engine/stop-characters.js';
import { loadPacksFromYaml } from '../../src/engine/load-rule-yaml.js';

const URL_WITH_PASSWORD = String.raw`[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/"'` + '`' + String.raw`]+:(?<secret>[^\s:@/"'` + '`' + String.raw`]{8,256})@[A-Za-z0-9-]+`;

describe('stopCharacters', () => {
  it('names the characters no match can hold: for a URL with a password, spaces and quotes', () => {
    const stops = stopCharacters([URL_WITH_PASSWORD], '', ['://']);
    for (const char of ' \t"\'`') expect(stops).toContain(char);
    // A password may hold brackets, commas and semicolons: those are not stops.
    for (const char of '()[]{}<>,;') expect(stops).not.toContain(char);
  });

  it('gives none when a match need not hold a keyword, or may hold anything', () => {
    expect(stopCharacters([URL_WITH_PASSWORD], '', ['password'])).toBe('');
    expect(stopCharacters([String.raw`token=(?<secret>[\s\S]{8})`], '', ['token='])).toBe('');
    expect(stopCharacters([String.raw`token=(?<secret>.{8})`], '', ['token='])).toBe('\r');
    // Each of a rule's patterns must be anchored by a keyword.
    expect(stopCharacters([URL_WITH_PASSWORD, String.raw`(?<secret>[a-z]{8})`], '', ['://'])).toBe('');
  });

  it('takes an alternation as anchored only when each branch holds a keyword', () => {
    expect(stopCharacters([String.raw`(?:tok_|key_)(?<secret>[a-z]{8})`], '', ['tok_', 'key_'])).toContain(' ');
    expect(stopCharacters([String.raw`(?:tok_|other)(?<secret>[a-z]{8})`], '', ['tok_'])).toBe('');
  });

  it('counts what a lookaround longer than one character may see, and a back-reference its group', () => {
    const body = String.raw`tok_(?<secret>[a-z]{8})`;
    // A one-character lookaround sees the character kept beside the stretch: the quote stays a stop.
    expect(stopCharacters([String.raw`(?<!")${body}`], '', ['tok_'])).toContain('"');
    // A longer one may look past it.
    expect(stopCharacters([String.raw`${body}(?=[a-z]*")`], '', ['tok_'])).not.toContain('"');
    expect(stopCharacters([String.raw`(?<=(["']))${body}\1`], '', ['tok_'])).not.toContain("'");
  });

  it('is worked out for the built-in URL rule', () => {
    const rule = loadPacksFromYaml()
      .flatMap((pack) => pack.rules)
      .find((candidate) => candidate.id === 'url-credentials') as { stopCharacters?: string } | undefined;
    expect(rule?.stopCharacters).toContain(' ');
    expect(rule?.stopCharacters).toContain('"');
  });
});
