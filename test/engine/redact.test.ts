import { describe, expect, it } from 'vitest';
import { redact } from '../../src/engine/redact.js';
import { key, randomHex } from '../helpers/keys.js';

describe('redact', () => {
  it('keeps the vendor prefix and the last four characters', () => {
    const smartpay = key.smartpayLive();
    expect(redact(smartpay)).toBe(`sk_live_…${smartpay.slice(-4)}`);
    const accelebit = key.accelebitTest();
    expect(redact(accelebit)).toBe(`smtgw_sk_test_…${accelebit.slice(-4)}`);
  });

  it('shows less of a short secret, and nothing of a very short one', () => {
    expect(redact('0123456789ab')).toBe('…ab');
    expect(redact('abc123')).toBe('…');
  });

  it('never returns more than the last four characters of a long opaque key', () => {
    const secret = randomHex(32);
    expect(redact(secret)).toBe(`…${secret.slice(-4)}`);
  });
});
