import { describe, expect, it } from 'vitest';
import { isRepetitive, whyNotAKey } from '../../src/engine/not-a-key.js';
import { key, randomAlnum, randomHex } from '../helpers/keys.js';

describe('whyNotAKey', () => {
  it.each([
    ['sk_test_your_secret_key', 'placeholder'],
    ['YOUR_API_KEY', 'placeholder'],
    ['<API_KEY>', 'placeholder'],
    ['${API_KEY}', 'placeholder'],
    ['{{ api_key }}', 'placeholder'],
    ['your_api_key_here', 'placeholder'],
    ['sk_live_example_key_1234', 'placeholder'],
    ['sk_live_xxxxxxxxxxxxxxxx', 'redacted'],
    ['sk_live_…1234', 'redacted'],
    ['sk_live_...1234', 'redacted'],
    ['****************', 'redacted'],
    ['process.env.API_KEY', 'env-lookup'],
    ['import.meta.env.VITE_KEY', 'env-lookup'],
    ['os.getenv', 'env-lookup'],
    ['ENV["API_KEY"]', 'env-lookup'],
    ['$API_KEY', 'env-lookup'],
    ['sk_live_aaaaaaaaaaaaaaaa', 'repetitive'],
    ['sk_live_1234567890123456', 'repetitive'],
    ['sk_test_abcdefghijklmnop', 'repetitive'],
    ['sk_test_abababababababab', 'repetitive'],
  ])('%s is %s', (text, reason) => {
    expect(whyNotAKey(text)).toBe(reason);
  });

  it('accepts random keys of every shape', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [key.smartpayLive(), key.accelebitTest(), randomHex(32), randomAlnum(40)]) {
        expect(whyNotAKey(secret), secret).toBeUndefined();
      }
    }
  });

  it('isRepetitive is false for random bodies', () => {
    expect(isRepetitive(randomAlnum(24))).toBe(false);
    for (let i = 0; i < 500; i++) expect(isRepetitive(randomAlnum(40) + randomHex(24))).toBe(false);
  });

  it('placeholder words must make up the value: a word prefix before random letters is not a placeholder', () => {
    // A UUID whose hex holds no two letters in a row left only "access" and "production" as words.
    expect(whyNotAKey('access-production-e6c37d7b-c963-4e0d-992e-2777d316e33c')).toBeUndefined();
    expect(whyNotAKey('my_api_key_here')).toBe('placeholder');
    expect(whyNotAKey('yourApiKey')).toBe('placeholder');
  });

  it('a long key typed by hand, half of it runs of neighbours, is a placeholder', () => {
    // The shape of gitleaks' own false-positive cases for Anthropic keys.
    expect(whyNotAKey('sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-1234fghijklmnopby56aaaogaopaaaabc123xyzAA')).toBe('repetitive');
  });

  it('precision: the name of a secret is not a secret; a UUID or grouped key with the same shape is', async () => {
    const { randomUUID } = await import('node:crypto');
    expect(whyNotAKey('NEXUS-GPT4-API-KEY')).toBe('name');
    expect(whyNotAKey('prod-payments-stripe-secret')).toBeTruthy();
    expect(whyNotAKey(randomUUID())).toBeUndefined();
    expect(whyNotAKey('AB12-CD34-EF56-GH78')).toBeUndefined();
    expect(whyNotAKey('s3cr3tP4ss')).toBeUndefined(); // a digit substitution does not make a placeholder
  });
});
