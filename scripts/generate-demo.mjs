// Writes fixtures/demo-app: a small Next.js-style app with one leak of each kind keyward reports, and the quiet
// cases beside them (a public key in a component, env lookups on the server, an .env.example of placeholders,
// vendor documentation samples). Every key is a random body of the right shape, never one from vendor docs.
// Run again to regenerate: node scripts/generate-demo.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alnum, hex, keys } from '../bench/corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/demo-app');
const files = {
  // client-side-secret; the public key beside it is fine
  'app/checkout/page.tsx': `'use client';
import { loadSmartpay } from '@smartpay/js';

const smartpay = loadSmartpay('${keys.spPub()}');
const refundKey = 'sk_live_${alnum(24)}';

export default function CheckoutPage() {
  return <button onClick={() => smartpay.checkout({ refundKey })}>Pay</button>;
}
`,
  // accelebit-live-secret-key, public-key-as-credential, insecure-http-with-key; the env lookup is fine
  'app/api/charge/route.ts': `import { randomUUID } from 'node:crypto';

const ACCELEBIT_KEY = process.env.ACCELEBIT_SECRET_KEY ?? '${keys.abLive()}';

export async function POST(request: Request) {
  const { amount } = await request.json();
  return fetch('https://api.gateway.accelebit.com/v1/payments', {
    method: 'POST',
    headers: { 'X-API-Key': ACCELEBIT_KEY, 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ amount }),
  });
}

export async function GET() {
  const publicKeyAsAuth = { 'X-API-Key': '${keys.abPub()}' };
  return fetch('http://api.smartretry.com/v1/payments', { headers: { 'x-api-key': process.env.SMARTRETRY_API_KEY!, ...publicKeyAsAuth } });
}
`,
  // smartretry-api-key-header
  'lib/retry.ts': `export const retryClient = {
  baseUrl: 'https://api.smartretry.com/v1',
  headers: { 'x-api-key': '${hex(32)}' },
};
`,
  // key-in-url-from-env, browser-exposed-secret-env
  'lib/leads.ts': `export const campaignsUrl = \`https://server.smartlead.ai/api/v1/campaigns/?api_key=\${process.env.SMARTLEAD_API_KEY}\`;
export const smartpaySecret = process.env.NEXT_PUBLIC_SMARTPAY_SECRET_KEY;
`,
  // build-config-inlines-secret
  'next.config.js': `module.exports = {
  env: { SMARTPAY_SECRET_KEY: process.env.SMARTPAY_SECRET_KEY },
};
`,
  // smartlead-api-key-query; the lookup above it is fine
  'scripts/sync_leads.py': `import os
import requests

API_KEY = os.getenv("SMARTLEAD_API_KEY")
r = requests.get("https://server.smartlead.ai/api/v1/campaigns/?api_key=${alnum(36)}")
`,
  // bearer-token; the suppressed line and the env-based curl are not reported
  'scripts/smoke.sh': `#!/usr/bin/env bash
# keyward-ignore-next-line (a sandbox key shared on purpose with the QA team)
SMOKE_KEY=sk_test_${alnum(24)}
curl https://api.smartpay.co/v1/orders -u "$SMARTPAY_SECRET_KEY:"
curl https://api.example.com/v1/users -H "Authorization: Bearer ${alnum(40)}"
`,
  // live-key-in-test
  '__tests__/checkout.test.ts': `it('charges', async () => {
  const client = new Smartpay('sk_live_${alnum(24)}');
  expect(await client.charge(100)).toBeDefined();
});
`,
  // test-key-in-production
  'deploy/production/values.yaml': `env:
  SMARTPAY_SECRET_KEY: sk_test_${alnum(24)}
`,
  // committed-env-file
  '.env': `SMARTRETRY_API_KEY=${hex(32)}
`,
  // browser-exposed-secret
  '.env.local': `NEXT_PUBLIC_SMARTPAY_PK=${keys.spPub()}
NEXT_PUBLIC_SMARTPAY_SECRET_KEY=sk_live_${alnum(24)}
`,
  // quiet: placeholders
  '.env.example': `SMARTRETRY_API_KEY=YOUR_API_KEY
SMARTLEAD_API_KEY=your_api_key_here
ACCELEBIT_SECRET_KEY=smtgw_sk_test_your_secret_key
`,
  // quiet: vendor documentation samples and a redacted key
  'docs/authentication.md': `# Authentication

Smartpay's documentation shows keys such as \`sk_test_Ho1BrYTcg3gAX4vTKk1taz\`; ours look like \`sk_live_…${alnum(4)}\`.

    curl https://api.example.com/v1/users/usr_123 -H "Authorization: Bearer sk_live_abc123xyz789"
`,
};

/** What the demo plants, by construction: file, line, and the rule that must report it. */
const expected = [
  ['.env', 1, 'committed-env-file'],
  ['.env.local', 2, 'browser-exposed-secret'],
  ['__tests__/checkout.test.ts', 2, 'live-key-in-test'],
  ['app/api/charge/route.ts', 3, 'accelebit-live-secret-key'],
  ['app/api/charge/route.ts', 15, 'public-key-as-credential'],
  ['app/api/charge/route.ts', 16, 'insecure-http-with-key'],
  ['app/checkout/page.tsx', 5, 'client-side-secret'],
  ['deploy/production/values.yaml', 2, 'test-key-in-production'],
  ['lib/leads.ts', 1, 'key-in-url-from-env'],
  ['lib/leads.ts', 2, 'browser-exposed-secret-env'],
  ['lib/retry.ts', 3, 'smartretry-api-key-header'],
  ['next.config.js', 2, 'build-config-inlines-secret'],
  ['scripts/smoke.sh', 5, 'bearer-token'],
  ['scripts/sync_leads.py', 5, 'smartlead-api-key-query'],
].map(([path, line, ruleId]) => ({ path, line, ruleId }));

rmSync(root, { recursive: true, force: true });
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
writeFileSync(`${root}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${Object.keys(files).length} files to ${root}, and what they plant to ${root}.expected.json`);
