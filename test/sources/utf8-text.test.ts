import { describe, expect, it } from 'vitest';
import { utf8Text } from '../../src/sources/utf8-text.js';

/** A deterministic stream of numbers, so that a failure can be replayed. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const CHARACTERS = ['é', '€', '→', '☕', '🔑', '中', '\u00a0', '\u2028'];

/** ASCII with non-ASCII characters at the given byte offsets (each put at the first character boundary from there). */
function mostlyAscii(length: number, at: number[], pick: () => number): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  for (const offset of [...at].sort((a, b) => a - b)) {
    if (offset > size) {
      parts.push(Buffer.from('x'.repeat(offset - size)));
      size = offset;
    }
    const character = Buffer.from(CHARACTERS[Math.floor(pick() * CHARACTERS.length)]!);
    parts.push(character);
    size += character.length;
  }
  if (length > size) parts.push(Buffer.from('y'.repeat(length - size)));
  return Buffer.concat(parts);
}

describe('utf8Text', () => {
  it('gives what toString("utf8") gives on ASCII, short text, and non-ASCII characters across every block edge', () => {
    const pick = numbers(7);
    const cases: Buffer[] = [Buffer.alloc(0), Buffer.from('plain ascii'), Buffer.from('é'), Buffer.from('short é text 🔑')];
    for (const edge of [1024, 4096, 65536, 131072]) {
      for (let before = -4; before <= 1; before++) cases.push(mostlyAscii(200_000, [edge + before], pick));
    }
    cases.push(mostlyAscii(300_000, [0, 1023, 1024, 2047, 65535, 65536, 299_990], pick)); // at the start and at the end
    cases.push(mostlyAscii(300_000, Array.from({ length: 60 }, () => Math.floor(pick() * 299_000)), pick));
    for (const bytes of cases) expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
  });

  it('decodes text that is not mostly ASCII in one go, and invalid UTF-8 with the same replacement characters', () => {
    const pick = numbers(11);
    // More stretches of non-ASCII than pieces are kept: the whole text is decoded at once.
    const dense = mostlyAscii(2_000_000, Array.from({ length: 3000 }, (_, i) => i * 600 + 1), pick);
    expect(utf8Text(dense)).toBe(dense.toString('utf8'));
    const invalid = [
      Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0xe9]), Buffer.from('b'.repeat(10_000))]), // Latin-1 é
      Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0xf0, 0x9f, 0x94])]), // cut at the end
      Buffer.concat([Buffer.from([0x80, 0x80]), Buffer.from('c'.repeat(10_000))]), // continuation bytes first
      Buffer.concat([Buffer.from('d'.repeat(5000)), Buffer.from([0xc0, 0xaf]), Buffer.from('e'.repeat(5000))]), // overlong
    ];
    for (const bytes of invalid) expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
  });

  it('gives what toString("utf8") gives on random mixes of ASCII and characters of every width', () => {
    const pick = numbers(23);
    for (let round = 0; round < 40; round++) {
      const length = Math.floor(pick() * 150_000);
      const count = Math.floor(pick() * 40);
      const bytes = mostlyAscii(length, Array.from({ length: count }, () => Math.floor(pick() * Math.max(1, length))), pick);
      expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
    }
  });
});
