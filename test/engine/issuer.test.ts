import { describe, expect, it } from 'vitest';
import { detectIn } from '../helpers/detector.js';
import { key, randomAlnum } from '../helpers/keys.js';

describe('the right vendor, the right advice', () => {
  it('vendor: an sk_live_ key in a file that uses Stripe gets Stripe\'s name, env var and advice, never Smartpay\'s', () => {
    const [finding] = detectIn(`import Stripe from 'stripe';\nconst stripe = new Stripe("${key.smartpayLive()}");\n`, 'server/billing.ts');
    expect(finding).toMatchObject({ ruleId: 'smartpay-live-secret-key', vendor: 'Stripe', title: 'Stripe live secret key', envVar: 'STRIPE_SECRET_KEY' });
    expect(finding!.remediation).toMatch(/Stripe Dashboard/);
    expect(finding!.remediation).not.toMatch(/Smartpay/);
  });

  it('vendor: the same key beside Smartpay evidence is Smartpay\'s; with no evidence, both are named and the advice fits both', () => {
    const live = key.smartpayLive();
    const [smartpay] = detectIn(`const client = new Smartpay("${live}");`, 'server/pay.ts');
    expect(smartpay).toMatchObject({ vendor: 'Smartpay', title: 'Smartpay live secret key', envVar: 'SMARTPAY_SECRET_KEY' });
    expect(smartpay!.remediation).not.toMatch(/Stripe/);
    const [unknown] = detectIn(`const key = "${live}";`, 'server/pay.ts');
    expect(unknown).toMatchObject({ vendor: 'Smartpay or Stripe or Example API', title: 'Live secret key (sk_live_…)' });
    expect(unknown!.remediation).toMatch(/Smartpay.*Stripe/s);
    expect(unknown!.envVar).toBe('API_SECRET_KEY'); // a name that favours no vendor
    // Evidence for both: no guess.
    expect(detectIn(`import Stripe from 'stripe';\nimport { Smartpay } from '@smartpay/node';\nconst key = "${live}";`)[0]!.vendor).toBe('Smartpay or Stripe');
    // A CSS class is not evidence of Stripe.
    expect(detectIn(`<table class="table-striped">\nconst key = "${live}";`)[0]!.vendor).toBe('Smartpay or Stripe or Example API');
  });

  it('vendor: test keys follow the evidence as live ones do', () => {
    const [finding] = detectIn(`STRIPE_SECRET_KEY=${key.smartpayTest()}`, '.env.example');
    expect(finding).toMatchObject({ vendor: 'Stripe', title: 'Stripe test secret key', severity: 'warning' });
  });

  it('vendor: Stripe\'s own long form (sk_live_51…) is a Stripe rule, whatever the file says', () => {
    const [live] = detectIn(`const k = "sk_live_51${randomAlnum(97)}";`);
    expect(live).toMatchObject({ ruleId: 'stripe-live-secret-key', vendor: 'Stripe', keyType: { kind: 'secret', mode: 'live' } });
    const [test] = detectIn(`const smartpay = "sk_test_51${randomAlnum(97)}";`);
    expect(test).toMatchObject({ ruleId: 'stripe-test-secret-key', vendor: 'Stripe' });
  });
});
