// A generator of realistic polyglot source files with planted leaks and many decoys, each leak recorded with
// its line and rule. The precision/recall test and the benchmark both build their corpus from it.
// Keys are random bodies of the right shape, made fresh on every run.
import { randomBytes, randomInt, randomUUID, createHash } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function alnum(n) {
  for (;;) {
    let s = '';
    for (let i = 0; i < n; i++) s += ALNUM[randomInt(62)];
    if (/\d/.test(s) && /[A-Za-z]/.test(s)) return s;
  }
}
export const hex = (n) => {
  for (;;) {
    const s = randomBytes(n).toString('hex').slice(0, n);
    if (/\d/.test(s) && /[a-f]/.test(s)) return s;
  }
};
const b64 = (n) => randomBytes(n).toString('base64');
const sha256 = () => createHash('sha256').update(randomBytes(16)).digest('hex');
const sha512b64 = () => createHash('sha512').update(randomBytes(16)).digest('base64');

export const keys = {
  spLive: () => `sk_live_${alnum(24)}`,
  spTest: () => `sk_test_${alnum(24)}`,
  spPub: () => `pk_live_${alnum(24)}`,
  abLive: () => `smtgw_sk_live_${alnum(32)}`,
  abTest: () => `smtgw_sk_test_${alnum(32)}`,
  abPub: () => `smtgw_pk_${alnum(24)}`,
  opaque: () => hex(32),
};

/** Builds one file line by line; `leak()` records the line it adds as a planted leak of a rule. */
class FileBuilder {
  constructor(path) {
    this.path = path;
    this.lines = [];
    this.leaks = [];
  }
  add(...lines) {
    this.lines.push(...lines);
    return this;
  }
  leak(line, ruleId) {
    this.lines.push(line);
    this.leaks.push({ path: this.path, line: this.lines.length, ruleId });
    return this;
  }
  build() {
    return { path: this.path, content: `${this.lines.join('\n')}\n`, leaks: this.leaks };
  }
}

// Each template returns a file; `leaky` decides whether it plants its leaks (decoys are always there).
// The rule a leak expects follows keyward's context rules: a secret in a component is `client-side-secret`, a key
// in a real .env file `committed-env-file`, and so on.
const templates = [
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/web/src/components/Checkout.tsx`);
    f.add(`import { loadSmartpay } from '@smartpay/js';`, `'use client';`, ``);
    f.add(`const publishableKey = "${keys.spPub()}";`, `const accelebitPublic = '${keys.abPub()}';`);
    f.add(`const key = process.env.NEXT_PUBLIC_SMARTPAY_PK;`, `// docs: -u sk_test_Ho1BrYTcg3gAX4vTKk1taz`);
    f.add(`const requestId = "${randomUUID()}";`, `const etag = "${sha256()}";`);
    if (leaky) f.leak(`const secret = "${keys.spLive()}";`, 'client-side-secret');
    f.add(`export function Checkout() {`, `  return <button data-key={publishableKey}>Pay</button>;`, `}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/api/src/payments.ts`);
    f.add(`import { Accelebit } from 'accelebit';`, ``);
    f.add(`const client = new Accelebit({ apiKey: process.env.ACCELEBIT_SECRET_KEY! });`);
    f.add(`const headers = { 'X-API-Key': process.env.ACCELEBIT_SECRET_KEY, 'Idempotency-Key': crypto.randomUUID() };`);
    f.add(`const example = "smtgw_sk_test_your_secret_key";`, `const masked = "smtgw_sk_live_…${alnum(4)}";`);
    if (leaky) f.leak(`const fallback = "${keys.abLive()}";`, 'accelebit-live-secret-key');
    if (leaky) f.leak(`  headers: { 'x-api-key': '${keys.opaque()}' },`, 'smartretry-api-key-header');
    f.add(`export async function pay(amount: number) {`, `  return client.payments.create({ amount });`, `}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/worker/smartlead_sync.py`);
    f.add(`import os`, `import requests`, ``, `API_KEY = os.getenv('SMARTLEAD_API_KEY')`);
    f.add(`BASE = "https://server.smartlead.ai/api/v1/campaigns/?api_key=YOUR_API_KEY"`);
    f.add(`CHECKSUM = "${sha256()}"`, `RUN_ID = "${randomUUID()}"`);
    if (leaky) f.leak(`resp = requests.get("https://server.smartlead.ai/api/v1/campaigns/?api_key=${alnum(36)}")`, 'smartlead-api-key-query');
    if (leaky) f.leak(`payload = {"api_key": "${hex(32)}", "name": "My Campaign"}`, 'smartlead-api-key-body');
    f.add(`def sync():`, `    return requests.post(BASE, json={"api_key": API_KEY})`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/gateway/client.go`);
    f.add(`package gateway`, ``, `import "os"`, ``, `func NewRequest() *http.Request {`);
    f.add(`\treq.Header.Set("X-API-Key", os.Getenv("SMARTRETRY_API_KEY"))`, `\tcommit := "${hex(40)}"`);
    if (leaky) f.leak(`\treq.Header.Set("Authorization", "Bearer ${alnum(40)}")`, 'bearer-token');
    f.add(`\treturn req`, `}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/billing/app/services/charge.rb`);
    f.add(`class Charge`, `  KEY = ENV['SMARTPAY_SECRET_KEY']`, `  DIGEST = "${sha256()}"`);
    if (leaky) f.leak(`  LIVE = "${keys.spLive()}"`, 'smartpay-live-secret-key');
    f.add(`end`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/android/app/src/main/java/com/acme/Pay.kt`);
    f.add(`package com.acme`, `object Pay {`, `    val publicKey = "${keys.spPub()}"`, `    val buildId = "${randomUUID()}"`);
    if (leaky) f.leak(`    val secretKey = "${keys.spTest()}"`, 'client-side-secret');
    f.add(`}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/ios/Pay/Config.swift`);
    f.add(`import Foundation`, `enum Config {`, `    static let publishable = "${keys.spPub()}"`, `    static let sample = "sk_test_Ho1BrYTcg3gAX4vTKk1taz"`);
    if (leaky) f.leak(`    static let apiKey = "${alnum(32)}"`, 'client-side-secret');
    f.add(`}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/scripts/charge.sh`);
    f.add(`#!/usr/bin/env bash`, `set -euo pipefail`, `curl https://api.smartpay.co/v1/orders -u "$SMARTPAY_SECRET_KEY:"`);
    f.add(`curl -H "x-api-key: \${SMARTRETRY_API_KEY}" https://api.smartretry.com/v1/payments/sale/ABC123`);
    if (leaky) f.leak(`curl https://api.example.com/v1/charges -u ${alnum(32)}:`, 'basic-auth-credentials');
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/Dockerfile`);
    f.add(`FROM node:20-slim`, `ARG SMARTLEAD_API_KEY`, `ENV NODE_ENV=production`);
    if (leaky) f.leak(`ENV SMARTRETRY_API_KEY=${hex(32)}`, 'smartretry-api-key-assignment');
    f.add(`COPY . .`, `CMD ["node", "server.js"]`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/deploy/values.yaml`);
    f.add(`image: acme/api:1.4.2`, `env:`, `  - name: ACCELEBIT_SECRET_KEY`, `    valueFrom: { secretKeyRef: { name: accelebit, key: secret } }`);
    f.add(`checksum: sha256:${sha256()}`, `database_url: postgres://app:\${DB_PASSWORD}@db:5432/app`);
    if (leaky) f.leak(`database_url_replica: postgres://app:${alnum(24)}@replica.internal:5432/app`, 'database-url-password');
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/.env.example`.replace('.env.example', leaky ? '.env' : '.env.example'));
    f.add(`# copy to .env`, `SMARTLEAD_API_KEY=your_api_key_here`, `NEXT_PUBLIC_SMARTPAY_PK=${keys.spPub()}`, `API_KEY=`);
    if (leaky) f.leak(`ACCELEBIT_SECRET_KEY=${keys.abTest()}`, 'committed-env-file');
    if (leaky) f.leak(`API_KEY=${alnum(32)}`, 'committed-env-file');
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/docs/payments.md`);
    f.add(`# Payments`, ``, '```bash', `curl https://api.example.com/v1/users/usr_123 -H "Authorization: Bearer sk_live_abc123xyz789"`);
    f.add(`curl https://api.gateway.accelebit.com/v1/payments -H "X-API-Key: smtgw_sk_test_your_secret_key"`, '```', ``);
    f.add(`Keys look like \`sk_live_…\` and are shown as \`sk_live_…${alnum(4)}\` in the dashboard.`);
    if (leaky) f.leak(`Our staging key (rotate me!): ${keys.spTest()}`, 'smartpay-test-secret-key');
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/notebooks/explore.ipynb`);
    f.add(`{`, ` "cells": [`, `  {`, `   "cell_type": "code",`, `   "source": [`);
    f.add(`    "import os\\n",`, `    "key = os.environ[\\"SMARTPAY_SECRET_KEY\\"]\\n",`);
    if (leaky) f.leak(`    "smartpay.api_key = \\"${keys.spLive()}\\"\\n",`, 'smartpay-live-secret-key');
    f.add(`   ],`, `   "outputs": [{ "data": { "image/png": "iVBORw0KGgo${b64(600).replace(/\+/g, 'A')}" } }]`, `  }`, ` ]`, `}`);
    return f.build();
  },
  (dir, leaky) => {
    const f = new FileBuilder(`${dir}/web/dist/assets/index-${hex(8)}.min.js`);
    let line = '';
    for (let i = 0; i < 40; i++) line += `var a${i}=function(e,t){return e.apiKey||t[${i}]},b${i}="${b64(12)}";`;
    if (leaky) f.leak(`${line}var k="${keys.spLive()}";${line}`, 'client-side-secret');
    else f.add(`${line}var pk="${keys.spPub()}";${line}`);
    return f.build();
  },
  (dir) => {
    const f = new FileBuilder(`${dir}/web/package-lock.json`);
    f.add(`{`, `  "packages": {`);
    for (let i = 0; i < 20; i++) {
      f.add(`    "node_modules/pkg-${i}": {`, `      "version": "1.${i}.0",`, `      "integrity": "sha512-${sha512b64()}"`, `    },`);
    }
    f.add(`  }`, `}`);
    return f.build();
  },
];

/** One project of the corpus under `dir`: every template once; leaks planted when `leaky`. */
export function projectFiles(dir, leaky) {
  return templates.map((template) => template(dir, leaky));
}

const CODE_LINES = [
  'export function total(items) { return items.reduce((sum, item) => sum + item.price * item.quantity, 0); }',
  'const response = await fetch(`${baseUrl}/v1/orders/${orderId}`, { headers: authHeaders() });',
  'if (!response.ok) throw new Error(`request failed with status ${response.status}`);',
  'def handle(event, context):\n    return {"statusCode": 200, "body": json.dumps(event)}',
  'for _, item := range items {\n\ttotal += item.Price * float64(item.Quantity)\n}',
  '  <div className="grid grid-cols-3 gap-4">{rows.map((row) => <Row key={row.id} {...row} />)}</div>',
  'SELECT id, email, created_at FROM users WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 50;',
  '// Retries use exponential backoff with jitter, capped at thirty seconds between attempts.',
  'logger.info({ orderId, amount, currency }, "order created");',
];

/** Lines that hold a rule keyword but no key: the prefilter lets them through and the rules must reject them. */
const KEYWORD_DECOYS = [
  'const apiKey = process.env.API_KEY; // read at runtime, never hard-coded',
  "headers['Authorization'] = `Bearer ${token}`;",
  '// see https://docs.example.com/v1/payments for the field list',
  "const client = new Client({ baseUrl: 'https://api.example.com', apiKey: config.apiKey });",
];

/** One line in fifty carries a keyword: about what a web codebase has (URLs in comments, env lookups). */
const DECOY_RATE = 50;

/** Code-like filler with no leak: `bytes` of it, as lines. */
export function fillerText(bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const line =
      randomInt(DECOY_RATE) === 0 ? KEYWORD_DECOYS[randomInt(KEYWORD_DECOYS.length)] : CODE_LINES[randomInt(CODE_LINES.length)];
    parts.push(line);
    size += line.length + 1;
  }
  return `${parts.join('\n')}\n`;
}
