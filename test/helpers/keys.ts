import { randomBytes, randomUUID } from 'node:crypto';
import { alnum, hex } from '../../bench/corpus.mjs';

/** Random bodies of the right shape, with at least one digit and one letter (as real keys have). */
export const randomAlnum = alnum;
export const randomHex = hex;

export function randomBase64(length: number): string {
  for (;;) {
    const out = randomBytes(length).toString('base64').replace(/[+/=]/g, '').slice(0, length);
    if (out.length === length && /\d/.test(out)) return out;
  }
}

/** Fills `{{rand:N}}`, `{{hex:N}}`, `{{b64:N}}` and `{{uuid}}` in a rule example with fresh random values. */
export function expandTemplate(text: string): string {
  return text.replace(/\{\{(rand|hex|b64):(\d+)\}\}|\{\{uuid\}\}/g, (_, kind: string | undefined, n: string | undefined) => {
    if (!kind) return randomUUID();
    const length = Number(n);
    return kind === 'rand' ? randomAlnum(length) : kind === 'hex' ? randomHex(length) : randomBase64(length);
  });
}

export const key = {
  smartpayLive: () => `sk_live_${randomAlnum(24)}`,
  smartpayTest: () => `sk_test_${randomAlnum(24)}`,
  smartpayPublic: () => `pk_live_${randomAlnum(24)}`,
  accelebitLive: () => `smtgw_sk_live_${randomAlnum(32)}`,
  accelebitTest: () => `smtgw_sk_test_${randomAlnum(32)}`,
  accelebitPublic: () => `smtgw_pk_${randomAlnum(24)}`,
  opaque: () => randomHex(32),
};
