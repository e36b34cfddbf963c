import { describe, expect, it } from 'vitest';
import { DerivedTextBuilder } from '../../../src/engine/derived/derived-text.js';

describe('DerivedTextBuilder', () => {
  const file = 'const k = "abc" + "def";';

  it('maps copied stretches one to one, and put-in text to the stretch it stands for', () => {
    const derived = new DerivedTextBuilder(file).copy(0, 10).put('"', 10, 11).copy(11, 14).copy(19, 22).put('"', 22, 23).build('test');
    expect(derived.text).toBe('const k = "abcdef"');
    // "d" is the first character of the second piece, at offset 19 in the file.
    expect(derived.sourceOffset(derived.text.indexOf('d'), 'start')).toBe(19);
    expect(derived.sourceOffset(derived.text.indexOf('a'), 'start')).toBe(11);
    // The end of "abcdef" is the end of the second piece.
    expect(derived.sourceOffset(derived.text.indexOf('f') + 1, 'end')).toBe(22);
  });

  it('maps any offset inside a decoded value to the whole encoded value', () => {
    const text = 'token: c2tfbGl2ZV9hYmM=';
    const derived = new DerivedTextBuilder(text).put('sk_live_abc', 7, text.length).build('base64');
    expect(derived.sourceOffset(3, 'start')).toBe(7);
    expect(derived.sourceOffset(8, 'end')).toBe(text.length);
  });
});
