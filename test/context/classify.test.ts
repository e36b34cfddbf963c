import { describe, expect, it } from 'vitest';
import { ContextClassifier, type ContextLabel } from '../../src/context/classify.js';

const classifier = new ContextClassifier();
const labels = (path: string, text?: string) => [...classifier.classify(path, text)].sort();

describe('ContextClassifier', () => {
  it.each<[string, ContextLabel]>([
    ['web/src/components/Checkout.tsx', 'client'],
    ['src/App.vue', 'client'],
    ['src/routes/+page.svelte', 'client'],
    ['pages/checkout.js', 'client'],
    ['app/error.tsx', 'client'],
    ['public/config.js', 'client'],
    ['static/app.js', 'client'],
    ['dist/assets/index-4f2a9c.js', 'client'],
    ['vendor/lib.min.js', 'client'],
    ['extension/popup/popup.js', 'client'],
    ['android/app/src/main/java/com/acme/Pay.kt', 'client'],
    ['android/app/src/main/res/values/strings.xml', 'client'],
    ['ios/Shop/Config.swift', 'client'],
    ['ios/Shop/Info.plist', 'client'],
    ['mobile/App.tsx', 'client'],
    ['pages/api/charge.ts', 'server'],
    ['app/api/charge/route.ts', 'server'],
    ['app/checkout/page.tsx', 'server'],
    ['src/app/(shop)/layout.tsx', 'server'],
    ['server/payments.ts', 'server'],
    ['backend/billing.py', 'server'],
    ['src/lib/pay.server.ts', 'server'],
  ])('%s is %s', (path, label) => {
    expect(labels(path)).toContain(label);
  });

  it('lets file markers decide: "use client" makes a file client-side, "use server" and server-only server-side', () => {
    expect(labels('src/lib/pay.ts', `'use client';\nexport const x = 1;`)).toContain('client');
    expect(labels('app/checkout/page.tsx', `'use server';\nexport async function charge() {}`)).toEqual(['server']);
    expect(labels('components/Pay.tsx', `import 'server-only';\n`)).toEqual(['server']);
    expect(labels('server/screen.ts', `import { View } from 'react-native';\n`)).toContain('client');
  });

  it('makes a Next.js App Router page or layout a server component unless it says "use client" or a client file imports it', () => {
    expect(labels('app/checkout/page.tsx', 'export default function Page() {}')).toEqual(['server']);
    expect(labels('app/checkout/page.tsx', `'use client';\nexport default function Page() {}`)).toEqual(['client']);
    expect([...classifier.classify('app/checkout/layout.tsx', 'export default function Layout() {}', undefined, true)]).toEqual(['client']);
    expect([...classifier.classify('lib/prices.ts', 'export const x = 1;', undefined, true)]).toEqual(['client']);
    expect([...classifier.classify('lib/actions.ts', `'use server';\nexport async function pay() {}`, undefined, true)]).toEqual(['server']);
  });

  it('labels tests, fixtures, docs, env files, examples and production config', () => {
    expect(labels('src/pay.test.ts')).toContain('test');
    expect(labels('test/fixtures/keys.json')).toContain('test');
    expect(labels('billing/charge_test.go')).toContain('test');
    expect(labels('README.md')).toEqual(['docs']);
    expect(labels('docs/setup.html')).toContain('docs');
    expect(labels('.env')).toEqual(['env-file']);
    expect(labels('apps/web/.env.local')).toEqual(['env-file']);
    expect(labels('.env.production')).toEqual(['env-file', 'production']);
    expect(labels('.env.example')).toEqual(['example-config']);
    expect(labels('config/settings.sample.yml')).toEqual(['example-config']);
    expect(labels('deploy/production/values.yaml')).toContain('production');
    expect(labels('k8s/values-prod.yaml')).toContain('production');
  });

  it('leaves ordinary source unlabelled', () => {
    expect(labels('lib/math.py')).toEqual([]);
    expect(labels('cmd/tool/main.go')).toEqual(['server']);
  });

  it('takes globs from the config that win over the built-in rules', () => {
    const custom = new ContextClassifier({ client: ['packages/widget/**'], server: ['web/ssr/**'], production: ['ops/live/**'] });
    expect([...custom.classify('packages/widget/src/index.ts')]).toContain('client');
    expect([...custom.classify('web/ssr/render.tsx')]).toEqual(['server']);
    expect([...custom.classify('ops/live/env.yml')]).toContain('production');
  });

  it('client side by evidence: Node imports overrule a client/ folder name; a dependency\'s folder names count for nothing', () => {
    expect(labels('packages/client/src/index.ts', "import https from 'node:https';\nexport class Client {}")).toEqual(['server']);
    expect(labels('sdk/client/transport.js', "const http = require('http');")).toEqual(['server']);
    expect(labels('node_modules/@slack/client/dist/index.js', 'module.exports = {};')).toEqual([]);
    expect(labels('tests/certs/client.key')).toEqual(['test']);
    // Weak evidence still counts when nothing says otherwise; a "use client" component stays client.
    expect(labels('src/client/App.tsx', "import React from 'react';")).toEqual(['client']);
    expect(labels('client/fetch.ts', "'use client';\nimport { readFile } from 'node:fs';")).toEqual(['client']);
  });
});
