import { describe, expect, it } from 'vitest';
import { projectFiles } from '../../bench/corpus.mjs';
import { clausesBeyondKeywords, requiredLiterals } from '../../src/engine/required-literals.js';
import { regexSources } from '../../src/engine/compile-rule.js';
import { builtinRules } from '../../src/scan/create-detector.js';
import { expandTemplate } from '../helpers/keys.js';

const sorted = (clauses: string[][]) => clauses.map((clause) => [...clause].sort()).sort();

describe('requiredLiterals', () => {
  it('takes the runs of plain characters, from groups and from quantifiers of at least one', () => {
    expect(sorted(requiredLiterals('[a-z]+://[^@]+@(?:db)+', ''))).toEqual(sorted([['://'], ['@'], ['db']]));
    expect(sorted(requiredLiterals('(?<secret>sk_(?:live)_)[0-9]{2,}', ''))).toEqual([['live'], ['sk_']]);
  });

  it('takes nothing from optional parts, classes, lookarounds or back-references', () => {
    expect(requiredLiterals('(?:token)?(?=secret)(?<!pass)[@#]\\d+(["\'])x\\1', '')).toEqual([['x']]);
    expect(requiredLiterals('(?:key)*[A-Z]{3}', '')).toEqual([]);
  });

  it('makes an any-of clause of an alternation only when every branch has a literal', () => {
    expect(sorted(requiredLiterals('(?:api_key=|bearer\\s+|(?:x-api-key|auth)\\s*:)', ''))).toEqual([['api_key=', 'auth', 'bearer', 'x-api-key']]);
    expect(requiredLiterals('(?:bearer|\\d+)=', '')).toEqual([['=']]);
  });

  it('lower-cases literals under the i flag, and keeps only ASCII there', () => {
    expect(sorted(requiredLiterals('Bearer\\s+ÄX-Key', 'i'))).toEqual([['bearer'], ['x-key']]);
    expect(sorted(requiredLiterals('Bearer\\s+ÄX-Key', ''))).toEqual([['Bearer'], ['ÄX-Key']]);
  });

  it('keeps the strongest clauses: longest first, none that another contains', () => {
    expect(requiredLiterals('ab\\d+abcd\\d+x\\d+wxyz\\d+bc', '')).toEqual([['abcd'], ['wxyz']]);
    expect(requiredLiterals('cc\\d+aaaa\\d+d\\d+bbb', '')).toEqual([['aaaa'], ['bbb'], ['cc']]);
    expect(requiredLiterals('sk_live_[0-9]+_live_', '')).toEqual([['sk_live_']]);
  });
});

describe('clausesBeyondKeywords', () => {
  it('drops a clause every keyword meets, since each window holds one of the rule’s keywords', () => {
    expect(clausesBeyondKeywords([['api'], ['=', ':']], ['api_key', 'apikey'], 'i')).toEqual([['=', ':']]);
    expect(clausesBeyondKeywords([['api'], ['=', ':']], ['api_key', 'token'], 'i')).toEqual([['api'], ['=', ':']]);
    expect(clausesBeyondKeywords([['://'], ['@']], ['://'], '')).toEqual([['@']]);
  });

  it('keeps a clause with letters for a case-sensitive pattern: the keyword pass finds keywords in any case', () => {
    expect(clausesBeyondKeywords([['AKIA']], ['akia'], '')).toEqual([['AKIA']]);
    expect(clausesBeyondKeywords([['akia']], ['akia'], 'i')).toEqual([]);
  });
});

/**
 * Soundness on real matches: every match of every built-in pattern, on the rules' own examples and on the polyglot
 * corpus, meets each clause the build gives it. A clause a match could miss would lose findings silently.
 */
describe('the built-in rules’ required literals', async () => {
  const { packs } = await builtinRules();
  const corpus = Array.from({ length: 6 }, (_, i) => projectFiles(`project-${i}`, true))
    .flat()
    .map((file) => file.content);

  it('hold for every match on the examples and the polyglot corpus', () => {
    let checked = 0;
    for (const rule of packs.flatMap((pack) => pack.rules)) {
      const sources = regexSources(rule);
      const examples = [...rule.examples.leaks, ...rule.examples.quiet].map((example) => (typeof example === 'string' ? example : example.text));
      const texts = [...examples.map((text) => expandTemplate(text)), ...corpus];
      sources.forEach((source, i) => {
        const clauses = (rule as { requiredLiterals?: string[][][] }).requiredLiterals?.[i];
        expect(clauses, `${rule.id}: the loader adds the clauses`).toBeDefined();
        const regex = new RegExp(source, `${rule.flags}g`);
        for (const text of texts) {
          for (const match of text.matchAll(regex)) {
            const seen = rule.flags.includes('i') ? match[0].toLowerCase() : match[0];
            for (const clause of clauses!) expect(clause.some((literal) => seen.includes(literal)), `${rule.id} /${source}/ on ${match[0]}: ${clause}`).toBe(true);
            checked++;
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(500);
  });
});
