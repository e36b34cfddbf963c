import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, secretHash } from '../../src/engine/fingerprint.js';
import { randomAlnum } from '../helpers/keys.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('fingerprints', () => {
  it("are node:crypto's SHA-256 digests, so that baselines and reports of earlier versions still match", () => {
    const secrets = ['', 'sk_live_x', randomAlnum(32), randomAlnum(200), 'clé-ключ-鍵-🔑', 'a'.repeat(64), 'b'.repeat(55), 'c'.repeat(56)];
    for (const secret of secrets) {
      expect(secretHash(secret)).toBe(nodeSha256(secret));
      expect(fingerprintOf('smartpay-live-secret-key', secret)).toBe(nodeSha256(`smartpay-live-secret-key\0${secret}`).slice(0, 32));
    }
  });
});
