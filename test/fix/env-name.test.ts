import { describe, expect, it } from 'vitest';
import { envNameFor, upperSnake } from '../../src/fix/env-name.js';

describe('the environment variable a key moves to', () => {
  it('is the vendor’s documented name when the rule knows one', () => {
    expect(envNameFor({ documented: 'SMARTRETRY_API_KEY', textBefore: 'const k = ', vendor: 'SmartRetry' })).toBe('SMARTRETRY_API_KEY');
  });

  it('else the name the code gave it, in upper snake case', () => {
    expect(envNameFor({ textBefore: 'const stripeSecretKey = ' })).toBe('STRIPE_SECRET_KEY');
    expect(envNameFor({ textBefore: '  "paymentToken": ' })).toBe('PAYMENT_TOKEN');
    expect(envNameFor({ textBefore: 'client := acme.New(' })).toBe('CLIENT');
    expect(envNameFor({ textBefore: 'self.api_key = ' })).toBe('API_KEY');
  });

  it('puts the vendor before a name that says nothing, and falls back to the vendor', () => {
    expect(envNameFor({ textBefore: 'key = ', vendor: 'Mailgun' })).toBe('MAILGUN_KEY');
    expect(envNameFor({ textBefore: 'send(', vendor: 'Hugging Face' })).toBe('HUGGING_FACE_API_KEY');
    expect(envNameFor({ textBefore: '', vendor: 'Smartpay or Stripe' })).toBe('SECRET_KEY');
  });

  it('converts names', () => {
    expect(upperSnake('openAIKey')).toBe('OPEN_AI_KEY');
    expect(upperSnake('api-key.v2')).toBe('API_KEY_V2');
  });
});
