import { describe, expect, it } from 'vitest';
import { looksLikeCredential, redactLooseSecrets } from '../../src/engine/snippet-redaction.js';
import { detectIn } from '../helpers/detector.js';
import { randomAlnum, randomBase64, randomHex } from '../helpers/keys.js';

describe('snippet redaction: whatever on the line looks like a credential', () => {
  it('snippet: redacts random-looking tokens no rule knows, and keeps words, identifiers, paths and URLs', () => {
    const token = randomAlnum(32);
    const b64 = randomBase64(40);
    const line = `deploy --token ${token} --sig ${b64} --out src/components/CheckoutForm.tsx --url https://api.example.com/v1/payments`;
    const redacted = redactLooseSecrets(line);
    expect(redacted).not.toContain(token.slice(0, -4));
    expect(redacted).not.toContain(b64.slice(0, -4));
    expect(redacted).toContain(`…${token.slice(-4)}`);
    expect(redacted).toContain('src/components/CheckoutForm.tsx');
    expect(redacted).toContain('https://api.example.com/v1/payments');
    for (const word of ['createPaymentIntentWithCustomer', 'AUTHORIZATION_HEADER_VALUE', 'node_modules/.bin/keyward', 'aaaaaaaaaaaaaaaaaaaa']) {
      expect(looksLikeCredential(word), word).toBe(false);
    }
    expect(looksLikeCredential(randomHex(40))).toBe(true);
  });

  it('snippet: redacts the value of a secret-sounding name, and leaves env lookups, placeholders and variables', () => {
    expect(redactLooseSecrets('DB_PASSWORD=hunter22')).toBe('DB_PASSWORD=…22');
    expect(redactLooseSecrets(`{"apiToken": "tok-${'q7'.repeat(3)}"}`)).not.toContain('q7q7q7');
    expect(redactLooseSecrets('password: process.env.DB_PASSWORD')).toBe('password: process.env.DB_PASSWORD');
    expect(redactLooseSecrets('token: accessToken,')).toBe('token: accessToken,');
    expect(redactLooseSecrets('secret = "your-secret-here"')).toBe('secret = "your-secret-here"');
    expect(redactLooseSecrets('auth: true')).toBe('auth: true');
  });

  it('snippet: a finding shows every other credential on its line redacted, unless --show-secrets', async () => {
    const live = `sk_live_${randomAlnum(24)}`;
    const other = randomAlnum(28);
    const [finding] = detectIn(`const k = "${live}"; const signing = "${other}";`);
    expect(finding!.snippet).not.toContain(other.slice(0, -4));
    const { detectorWith } = await import('../helpers/detector.js');
    const shown = detectIn(`const k = "${live}"; const signing = "${other}";`, 'src/app.ts', await detectorWith({}, { showSecrets: true }));
    expect(shown[0]!.snippet).toContain(other);
  });

  it('snippet: the access key ID a pair rule absorbs is redacted too, however plain it looks', () => {
    const id = 'AKIAISEMRQMBQRA27SR7'; // entropy under 3.5: the loose-token test alone would leave it
    const secret = randomBase64(40);
    const [finding, ...others] = detectIn(`aws configure set profile.ci ${id} ${secret}`);
    expect(others).toEqual([]);
    expect(finding!.ruleId).toBe('aws-secret-access-key');
    expect(finding!.snippet).not.toContain(id.slice(4, -4));
  });

  it('control characters: a snippet shows ESC sequences and bidi overrides as visible escapes', () => {
    const [finding] = detectIn(`\u001b]0;owned\u0007\u001b[2J k = "sk_live_${randomAlnum(24)}" \u202e`);
    expect(finding!.snippet).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    expect(finding!.snippet).toContain('\\x1b]0;owned\\x07\\x1b[2J');
    expect(finding!.snippet).toContain('\\u202e');
  });
});
