import { describe, expect, it } from 'vitest';
import { detectIn, detectorWith } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';

const ids = (text: string, path: string) => detectIn(text, path).map((f) => `${f.ruleId}:${f.severity}`);

describe('context rules', () => {
  it('makes a secret key in client-side code an error, test keys included, under its own rule', () => {
    expect(ids(`'use client';\nconst k = "${key.smartpayTest()}";`, 'app/checkout/page.tsx')).toEqual(['client-side-secret:error']);
    const [finding] = detectIn(`const k = "${key.accelebitLive()}";`, 'web/src/components/Pay.tsx');
    expect(finding).toMatchObject({ ruleId: 'client-side-secret', vendor: 'Accelebit', context: ['client'] });
    expect(finding!.remediation).toMatch(/public key/);
    expect(finding!.remediation).toMatch(/ACCELEBIT_SECRET_KEY/);
  });

  it('stays quiet on a public key in a component and an env lookup on the server', () => {
    expect(ids(`'use client';\nconst pk = "${key.smartpayPublic()}";`, 'app/checkout/page.tsx')).toEqual([]);
    expect(ids(`const pk = '${key.accelebitPublic()}';`, 'components/Pay.tsx')).toEqual([]);
    expect(ids('const key = process.env.ACCELEBIT_SECRET_KEY;', 'pages/api/pay.ts')).toEqual([]);
  });

  it('flags a secret key in a browser-exposed env var, in .env files and in code that reads one', () => {
    expect(ids(`NEXT_PUBLIC_SMARTPAY_KEY=${key.smartpayLive()}`, '.env.local')).toEqual(['browser-exposed-secret:error']);
    expect(ids(`VITE_API_KEY=${key.opaque()}`, 'web/.env')).toEqual(['browser-exposed-secret:error']);
    expect(ids('const k = process.env.NEXT_PUBLIC_ACCELEBIT_SECRET_KEY;', 'lib/pay.ts')).toEqual(['browser-exposed-secret-env:error']);
    expect(ids('  env: { SMARTPAY_SECRET_KEY: process.env.SMARTPAY_SECRET_KEY },', 'next.config.js')).toEqual(['build-config-inlines-secret:warning']);
  });

  it('says to untrack a committed env file, and stays quiet on an example file with placeholders', () => {
    expect(ids(`SMARTRETRY_API_KEY=${key.opaque()}`, '.env')).toEqual(['committed-env-file:error']);
    expect(ids('SMARTRETRY_API_KEY=YOUR_API_KEY\nACCELEBIT_SECRET_KEY=smtgw_sk_test_your_secret_key\n', '.env.example')).toEqual([]);
    const [finding] = detectIn(`API_KEY=${key.opaque()}`, '.env.production');
    expect(finding!.remediation).toMatch(/git rm --cached/);
  });

  it('warns of a live key in tests, never below the leak’s own severity, and of a test key in production config', () => {
    expect(ids(`const k = "${key.smartpayLive()}";`, 'test/pay.test.ts')).toEqual(['live-key-in-test:error']);
    expect(ids(`SMARTPAY_KEY: ${key.smartpayTest()}`, 'deploy/production/values.yaml')).toEqual(['test-key-in-production:warning']);
    expect(ids(`const k = "${key.smartpayTest()}";`, 'test/pay.test.ts')).toEqual(['smartpay-test-secret-key:warning']);
  });

  it('warns of a public key used as a credential, a key from env put in a URL, and keys over plain HTTP', () => {
    expect(ids(`curl https://api.gateway.accelebit.com/v1/payments -H "X-API-Key: ${key.accelebitPublic()}"`, 'scripts/pay.sh')).toEqual([
      'public-key-as-credential:warning',
    ]);
    const [url] = detectIn('const u = `https://server.smartlead.ai/api/v1/campaigns/?api_key=${process.env.SMARTLEAD_API_KEY}`;', 'server/leads.ts');
    expect(url).toMatchObject({ ruleId: 'key-in-url-from-env', severity: 'warning' });
    expect(url!.remediation).toMatch(/JSON body/);
    expect(ids('curl http://api.smartretry.com/v1/payments -H "x-api-key: $SMARTRETRY_API_KEY"', 'scripts/retry.sh')).toEqual([
      'insecure-http-with-key:warning',
    ]);
  });

  it('lets the config switch a context rule off or re-grade it, and add labels with globs', async () => {
    const off = await detectorWith({ rules: { 'client-side-secret': 'off' } });
    expect(detectIn(`'use client';\nconst k = "${key.smartpayLive()}";`, 'app/page.tsx', off).map((f) => f.ruleId)).toEqual(['smartpay-live-secret-key']);
    const globbed = await detectorWith({ context: { client: ['widgets/**'] } });
    expect(detectIn(`const k = "${key.smartpayLive()}";`, 'widgets/pay.ts', globbed).map((f) => f.ruleId)).toEqual(['client-side-secret']);
  });
});
