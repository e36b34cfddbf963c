import { describe, expect, it } from 'vitest';
import { entropyOk } from '../../src/engine/secret-checks.js';
import { randomAlnum, randomHex } from '../helpers/keys.js';

describe('entropyOk', () => {
  const generic = { entropy: 3.5, requireDigit: true };

  it('accepts random keys of 32 characters, hex ones included, every time', () => {
    for (let i = 0; i < 2000; i++) {
      expect(entropyOk(randomHex(32), generic)).toBe(true);
      expect(entropyOk(randomAlnum(32), generic)).toBe(true);
    }
  });

  it('rejects words, repeats and values without a digit when the rule asks for one', () => {
    expect(entropyOk('password1password1', generic)).toBe(false);
    expect(entropyOk('aaaabbbbccccdddd1111', generic)).toBe(false);
    expect(entropyOk('SecretKeyValueForTesting', generic)).toBe(false);
    expect(entropyOk('aaaabbbb11112222', generic)).toBe(false); // hex, and still too regular
  });
});
