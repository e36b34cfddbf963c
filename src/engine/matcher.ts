import type { RE2JS } from 're2js';
import { loadRe2js } from '../lazy-require.js';
import type { LiteralClause } from './required-literals.js';

/** One match of a rule's pattern: the whole match and the `secret` group, as offsets into the text. */
export interface Match {
  start: number;
  end: number;
  secretStart: number;
  secretEnd: number;
}

export interface Matcher {
  /** Every match in the text, in order. */
  matchAll(text: string): Match[];
}

/**
 * Built-in rules run on V8's backtracking engine: they are ours, reviewed, and each is tested on its examples.
 * The `d` flag gives the offsets of the named group. A text that fails one of the clauses every match meets
 * (`requiredLiterals`, worked out by the build: see required-literals.ts) is not searched at all.
 */
export class NativeMatcher implements Matcher {
  private readonly regex: RegExp;
  /** Under the `i` flag the clauses are lower-case, and a clause with a letter is looked for in the lower-cased text. */
  private readonly foldCase: boolean;

  constructor(
    source: string,
    flags: string,
    private readonly requiredLiterals: readonly LiteralClause[] = [],
  ) {
    this.regex = new RegExp(source, `${flags}gd`);
    if (!/\(\?<secret>/.test(source)) throw new Error('the pattern has no named group "secret"');
    this.foldCase = flags.includes('i') && requiredLiterals.some((clause) => clause.some((literal) => /[a-z]/.test(literal)));
  }

  private mayMatch(text: string): boolean {
    const haystack = this.foldCase ? text.toLowerCase() : text;
    for (const clause of this.requiredLiterals) {
      let met = false;
      for (let i = 0; i < clause.length && !met; i++) met = haystack.includes(clause[i]!);
      if (!met) return false;
    }
    return true;
  }

  matchAll(text: string): Match[] {
    if (this.requiredLiterals.length && !this.mayMatch(text)) return [];
    // One regex object, reset each call: matching is synchronous and runs to the end, so no two calls interleave.
    const regex = this.regex;
    regex.lastIndex = 0;
    const matches: Match[] = [];
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const span = m.indices?.groups?.secret;
      if (span) matches.push({ start: m.index, end: m.index + m[0].length, secretStart: span[0], secretEnd: span[1] });
    }
    return matches;
  }
}

/**
 * Users' rules run on RE2JS, a linear-time engine: a pattern from a config file must not be able to hang a scan
 * with catastrophic backtracking, whatever it says.
 */
export class LinearMatcher implements Matcher {
  private readonly regex: RE2JS;

  constructor(source: string, flags: string) {
    const { RE2JS } = loadRe2js();
    let bits = 0;
    if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('m')) bits |= RE2JS.MULTILINE;
    if (flags.includes('s')) bits |= RE2JS.DOTALL;
    this.regex = RE2JS.compile(source, bits);
    if (!('secret' in this.regex.namedGroups())) throw new Error('the pattern has no named group "secret"');
  }

  matchAll(text: string): Match[] {
    const matcher = this.regex.matcher(text);
    const matches: Match[] = [];
    let from = 0;
    while (from <= text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      const secretStart = matcher.start('secret');
      if (secretStart >= 0) matches.push({ start, end, secretStart, secretEnd: matcher.end('secret') });
      from = end > start ? end : end + 1;
    }
    return matches;
  }
}
