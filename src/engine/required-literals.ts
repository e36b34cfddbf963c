import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A text holds a match only if it contains at least one of a clause's strings. */
export type LiteralClause = string[];

/** At most this many clauses per pattern: each is one more search of every window the pattern is given. */
const MOST_CLAUSES = 3;

/**
 * What every match of a pattern contains: `://` and `@` for a URL with credentials; one of `api_key=`, `x-api-key`,
 * `authorization`, `bearer`, ` -u` for a plain-http URL sent with a key. A window that fails a clause cannot hold a
 * match and is never handed to the regex engine. Most of a rule's cost on real code is its regex failing at every
 * position of windows around keywords that occur everywhere (`://` in every comment with a link); one native
 * `includes` per clause decides most of those windows first.
 *
 * Sound by construction, never clever: runs of plain characters count, in the pattern's sequence and inside groups
 * and quantifiers of at least one repetition; an alternation gives a clause when each of its branches has a
 * literal. Classes, lookarounds, back-references and optional parts add nothing. Under the `i` flag the clauses are
 * lower-case ASCII, to be looked for in the lower-cased text (the flag folds no other character onto ASCII).
 * Made by the build for built-in rules (JavaScript syntax): users' patterns are RE2 syntax and get none.
 */
export function requiredLiterals(source: string, flags: string): LiteralClause[] {
  const pattern = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  return strongest(ofAlternatives(pattern.alternatives, flags.includes('i'))).slice(0, MOST_CLAUSES);
}

/**
 * The clauses that hold whichever alternative matches: all of the one's; for several, one any-of clause made of each
 * alternative's strongest clause (none when an alternative has none).
 */
function ofAlternatives(alternatives: AST.Alternative[], ignoreCase: boolean): LiteralClause[] {
  if (alternatives.length === 1) return ofSequence(alternatives[0]!, ignoreCase);
  const anyOf: string[] = [];
  for (const alternative of alternatives) {
    const best = strongest(ofSequence(alternative, ignoreCase))[0];
    if (best === undefined) return [];
    anyOf.push(...best);
  }
  return [[...new Set(anyOf)]];
}

function ofSequence(alternative: AST.Alternative, ignoreCase: boolean): LiteralClause[] {
  const clauses: LiteralClause[] = [];
  let run = '';
  const flush = () => {
    if (run) clauses.push([run]);
    run = '';
  };
  for (const element of alternative.elements) {
    const char = literalCharacter(element, ignoreCase);
    if (char !== undefined) {
      run += char;
      continue;
    }
    flush();
    clauses.push(...ofElement(element, ignoreCase));
  }
  flush();
  return clauses;
}

/** The clauses of an element that is not a plain character, when it must take part in every match. */
function ofElement(element: AST.Element, ignoreCase: boolean): LiteralClause[] {
  if (element.type === 'Quantifier') return element.min >= 1 ? ofElement(element.element, ignoreCase) : [];
  if (element.type === 'Character') {
    const char = literalCharacter(element, ignoreCase);
    return char === undefined ? [] : [[char]];
  }
  // A group with modifiers may switch case-folding on inside it: nothing is taken from it.
  if ((element.type === 'Group' && !element.modifiers) || element.type === 'CapturingGroup') return ofAlternatives(element.alternatives, ignoreCase);
  return [];
}

function literalCharacter(element: AST.Element, ignoreCase: boolean): string | undefined {
  if (element.type !== 'Character') return undefined;
  if (!ignoreCase) return String.fromCodePoint(element.value);
  // Under `i` only ASCII: a letter matches its other case and nothing else, so it is looked for lower-cased.
  return element.value < 128 ? String.fromCodePoint(element.value).toLowerCase() : undefined;
}

/**
 * The clauses worth a search: those whose shortest string is longest (rarest) first; a one-string clause that
 * another one-string clause contains is dropped, as are repeats.
 */
function strongest(clauses: LiteralClause[]): LiteralClause[] {
  const shortest = (clause: LiteralClause) => Math.min(...clause.map((literal) => literal.length));
  const unique = [...new Map(clauses.map((clause) => [JSON.stringify([...clause].sort()), clause])).values()];
  const singles = unique.filter((clause) => clause.length === 1).map(([literal]) => literal!);
  const kept = unique.filter((clause) => clause.length > 1 || !singles.some((other) => other !== clause[0] && other.includes(clause[0]!)));
  return kept.sort((a, b) => shortest(b) - shortest(a) || a.length - b.length);
}

/**
 * The clauses a window is not already known to meet. The detector hands a rule only windows around one of its own
 * keywords (found in any case), so a clause that each keyword meets costs a search and decides nothing: `api` for
 * a rule whose keywords are `api_key` and `apikey`. Under `i` a clause is met by a keyword that contains one of
 * its strings; without `i` only strings without letters count, since the text may spell the keyword in other case.
 */
export function clausesBeyondKeywords(clauses: LiteralClause[], keywords: readonly string[], flags: string): LiteralClause[] {
  const ignoreCase = flags.includes('i');
  const lowered = keywords.map((keyword) => keyword.toLowerCase());
  const metBy = (keyword: string, clause: LiteralClause) =>
    clause.some((literal) => (ignoreCase || !/[A-Za-z]/.test(literal)) && keyword.includes(literal));
  return clauses.filter((clause) => lowered.length === 0 || !lowered.every((keyword) => metBy(keyword, clause)));
}

