import { describe, expect, it } from 'vitest';
import { AsciiSet } from '../../src/engine/ascii-set.js';

describe('AsciiSet', () => {
  it('holds exactly the characters it was given', () => {
    const set = new AsciiSet(' "=:');
    const members = [...Array(128).keys()].filter((code) => set.has(code));
    // In code order: space, quote, colon, equals.
    expect(String.fromCharCode(...members)).toBe(' ":=');
  });

  it('holds nothing past ASCII, whatever the low bits of the code', () => {
    const set = new AsciiSet('ab');
    for (const code of [0x80 + 0x61, 0x100 + 0x62, 0xff61, 0x10061]) expect(set.has(code)).toBe(false);
    expect(set.has(0x61)).toBe(true);
  });
});
