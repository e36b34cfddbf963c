import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { requiredLiterals } from './required-literals.js';

/**
 * Characters a text may hold that we ask about: spaces, quotes, brackets and separators, which end a URL, a token or
 * a key in code. (Line breaks already end a rule's window.)
 */
const CANDIDATES = ' \t\r"\'`<>()[]{},;\\';

/**
 * The characters no match of a rule's patterns can hold, when every match also holds one of the rule's keywords;
 * '' otherwise. A rule's window can then be cut to the stretch around each keyword hit that holds none of them: in
 * a minified bundle, `://` in every string of a long line gave the URL rules windows of 2,000 characters each, run
 * together; the stretch is the URL itself.
 *
 * Sound by construction: a character counts as held when any consuming part of a pattern may match it (tested
 * against that part's own regex, so classes, ranges, escapes and flags are the engine's). A lookaround that can
 * look further than one character may not look past a stop character either, so what it may match is held too.
 * The detector keeps one character on each side of a stretch, so a one-character lookaround, `\b`, `^` and `$`
 * see what they saw in the whole window. Made by the build for built-in rules; users' patterns get none.
 */
export function stopCharacters(sources: string[], flags: string, keywords: readonly string[]): string {
  const lowered = keywords.map((keyword) => keyword.toLowerCase());
  // Every match holds a string of some clause, each of which holds a keyword: so a keyword hit is in every match.
  const anchored = (source: string) =>
    requiredLiterals(source, flags).some((clause) => clause.every((literal) => lowered.some((keyword) => literal.toLowerCase().includes(keyword))));
  if (lowered.length === 0 || !sources.every(anchored)) return '';
  const held = new Set<string>();
  for (const source of sources) {
    const pattern = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
    addHeld(pattern.alternatives, flags.replace(/[gyd]/g, ''), held);
  }
  return [...CANDIDATES].filter((char) => !held.has(char)).join('');
}

function addHeld(alternatives: AST.Alternative[], flags: string, held: Set<string>): void {
  for (const alternative of alternatives) for (const element of alternative.elements) addHeldBy(element, flags, held);
}

/** The elements that match one character: a character, a class, a set (`\d`, `.`). */
const ONE_CHARACTER: ReadonlySet<AST.Element['type']> = new Set(['Character', 'CharacterClass', 'CharacterSet', 'ExpressionCharacterClass']);

function addHeldBy(element: AST.Element, flags: string, held: Set<string>): void {
  if (ONE_CHARACTER.has(element.type)) {
    const test = new RegExp(`^(?:${element.raw})$`, flags);
    for (const char of CANDIDATES) if (test.test(char)) held.add(char);
    return;
  }
  switch (element.type) {
    case 'Quantifier':
      return addHeldBy(element.element, flags, held);
    case 'Group':
    case 'CapturingGroup':
      return addHeld(element.alternatives, flags, held);
    case 'Assertion':
      if ((element.kind === 'lookahead' || element.kind === 'lookbehind') && !looksAtOneCharacter(element.alternatives)) addHeld(element.alternatives, flags, held);
      return;
    case 'Backreference':
      // What its group held, which a one-character lookaround may have captured (a quote).
      for (const group of [element.resolved].flat()) addHeld(group.alternatives, flags, held);
      return;
  }
}

/** A lookaround whose every branch is one character, a class or a set: it sees one character beside the match. */
function looksAtOneCharacter(alternatives: AST.Alternative[]): boolean {
  return alternatives.every(({ elements }) => elements.length === 1 && ONE_CHARACTER.has(elements[0]!.type));
}
