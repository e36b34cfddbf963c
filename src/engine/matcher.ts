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
  /** Each clause as one regex of its literals, case-insensitive under the `i` flag (see `mayMatch`). */
  private readonly clauses: readonly RegExp[];

  constructor(
    source: string,
    flags: string,
    requiredLiterals: readonly LiteralClause[] = [],
  ) {
    this.regex = new RegExp(source, `${flags}gd`);
    if (!/\(\?<secret>/.test(source)) throw new Error('the pattern has no named group "secret"');
    // The flags that decide how case folds (i, and u or v if a rule ever takes them), as in the pattern.
    const foldingFlags = flags.replace(/[^iuv]/g, '');
    this.clauses = requiredLiterals.map((clause) => new RegExp(clause.map(escapeForRegExp).join('|'), foldingFlags));
  }

  /**
   * Whether the text meets every clause. One regex a clause, rather than an `includes` a literal in a lower-cased
   * copy: no copy of the window is made (the multi-line base-URL rule's are 16 KB each), and one search finds any of
   * the clause's literals. The clause folds case as the rule's own pattern does (under `i` without `u`, an ASCII
   * letter matches only its other case), so a text the pattern matches always meets its clauses.
   */
  private mayMatch(text: string): boolean {
    for (const clause of this.clauses) if (!clause.test(text)) return false;
    return true;
  }

  matchAll(text: string): Match[] {
    if (!this.mayMatch(text)) return [];
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

/** A literal as a regex that matches exactly it. */
function escapeForRegExp(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
