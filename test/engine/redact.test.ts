import { describe, expect, it } from 'vitest';
import { redact } from '../../src/engine/redact.js';

describe('redact', () => {
  it('keeps the vendor prefix and the last four characters', () => {
    expect(redact('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_live_…p7dc');
    expect(redact('smtgw_sk_test_9f8e7d6c5b4a39281706abcd')).toBe('smtgw_sk_test_…abcd');
  });

  it('shows less of a short secret, and nothing of a very short one', () => {
    expect(redact('0123456789ab')).toBe('…ab');
    expect(redact('abc123')).toBe('…');
  });

  it('never returns more than a quarter of a long opaque key', () => {
    const secret = '9c1f0e3b7a6d5c4b3a29181716151413';
    const preview = redact(secret);
    expect(preview).toBe('…1413');
  });
});
