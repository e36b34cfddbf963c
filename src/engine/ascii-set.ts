/**
 * A set of ASCII characters as a lookup by character code: a check is one load, for loops that ask of every
 * character (a rule's stop characters, the base64 alphabet).
 */
export type AsciiSet = Uint8Array;

export function asciiSet(characters: string): AsciiSet {
  const set = new Uint8Array(128);
  for (const char of characters) set[char.charCodeAt(0)] = 1;
  return set;
}

/** Whether the character with this code is in the set: never, past ASCII. */
export function inAsciiSet(set: AsciiSet, code: number): boolean {
  return code < 128 && set[code] === 1;
}
