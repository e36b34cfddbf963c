/**
 * A set of ASCII characters as a lookup by character code: a check is one load, for loops that ask of every
 * character (a rule's stop characters, the base64 alphabet).
 *
 * A class, so that the check is a method of the set: in the CLI's CommonJS chunks (scripts/build-cli.mjs) a function
 * a module exports is reached through two getters at every call, which cost a tenth of a tree scan when it was
 * called for every character.
 */
export class AsciiSet {
  private readonly table = new Uint8Array(128);

  constructor(characters: string) {
    for (const char of characters) this.table[char.charCodeAt(0)] = 1;
  }

  /** Whether the character with this code is in the set: never, past ASCII. */
  has(code: number): boolean {
    return code < 128 && this.table[code] === 1;
  }
}
