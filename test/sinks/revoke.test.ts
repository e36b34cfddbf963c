import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyKeywardSignature } from '../../examples/revoke-receiver.mjs';
import { configSchema, type RevokeConfig } from '../../src/config/schema.js';
import { idempotencyKey, RevokeConfigError, runRevoke } from '../../src/sinks/revoke.js';
import { revokePayloadSchema } from '../../src/sinks/revoke-payload.js';
import { detectIn } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { closedPort, startWebhookServer } from '../helpers/webhook-server.js';

const SIGNING_SECRET = 'whsec_test_only_0123456789';

beforeEach(() => {
  process.env.KEYWARD_TEST_WEBHOOK_SECRET = SIGNING_SECRET;
});
afterEach(() => {
  delete process.env.KEYWARD_TEST_WEBHOOK_SECRET;
});

function revokeConfig(url: string, extra: Partial<RevokeConfig> = {}): RevokeConfig {
  return configSchema.parse({ revoke: { url, secretEnv: 'KEYWARD_TEST_WEBHOOK_SECRET', backoffMs: 20, timeoutMs: 2000, ...extra } }).revoke!;
}

function run(findings: ReturnType<typeof detectIn>, config: RevokeConfig, configDir: string, dryRun = false) {
  const log: string[] = [];
  return runRevoke(findings, config, { configDir, dryRun, userAgent: 'keyward/test', log: (l) => log.push(l) }).then((summary) => ({ summary, log }));
}

describe('the revoke webhook, against a real HTTP server on 127.0.0.1', () => {
  it('delivers a live key: signed, with an Idempotency-Key, a payload of the documented shape, and no key in it', async () => {
    const server = await startWebhookServer();
    const live = key.smartpayLive();
    const findings = [...detectIn(`a = new Smartpay("${live}")`, 'src/a.ts'), ...detectIn(`b = "${key.smartpayTest()}"`, 'src/b.ts')];
    const { summary } = await run(findings, revokeConfig(server.url), tempTree());
    expect(summary).toMatchObject({ qualifying: 1, delivered: 1, failed: [] });
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(verifyKeywardSignature(SIGNING_SECRET, request!.body, request!.headers['keyward-signature'] as string)).toMatchObject({ ok: true });
    const payload = revokePayloadSchema.parse(JSON.parse(request!.body));
    expect(payload).toMatchObject({ rule: 'smartpay-live-secret-key', vendor: 'Smartpay', keyType: { kind: 'secret', mode: 'live' }, path: 'src/a.ts', line: 1 });
    expect(request!.headers['idempotency-key']).toBe(idempotencyKey(payload));
    expect(JSON.stringify(request)).not.toContain(live.slice(8));
  });

  it('retries a 500 and delivers on the next attempt', async () => {
    const server = await startWebhookServer([{ status: 500 }, { status: 200 }]);
    const { summary } = await run(detectIn(`k = "${key.smartpayLive()}"`), revokeConfig(server.url), tempTree());
    expect(summary.delivered).toBe(1);
    expect(server.received).toHaveLength(2);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const server = await startWebhookServer([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
    const { summary } = await run(detectIn(`k = "${key.smartpayLive()}"`), revokeConfig(server.url), tempTree());
    expect(summary.delivered).toBe(1);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a receiver that times out, and keeps the delivery (without the key) in the outbox', async () => {
    const server = await startWebhookServer([{ status: 200, delayMs: 1500 }]);
    const dir = tempTree();
    const live = key.smartpayLive();
    const config = revokeConfig(server.url, { timeoutMs: 200, maxAttempts: 2, includeSecret: true });
    const { summary, log } = await run(detectIn(`k = "${live}"`), config, dir);
    expect(summary.failed).toEqual([expect.objectContaining({ error: 'timed out after 200 ms after 2 attempt(s)' })]);
    expect(server.received).toHaveLength(2);
    const outbox = readFileSync(join(dir, '.keyward/revoke-outbox.json'), 'utf8');
    expect(Object.keys(JSON.parse(outbox).pending)).toHaveLength(1);
    expect(outbox + log.join('\n')).not.toContain(live.slice(8));
  });

  it('keeps a refused delivery in the outbox, delivers it on the next run, and never sends the same key twice', async () => {
    const dir = tempTree();
    const live = key.accelebitLive();
    const findings = detectIn(`k = "${live}"`);
    const refused = await run(findings, revokeConfig(`http://127.0.0.1:${await closedPort()}/x`, { maxAttempts: 2 }), dir);
    expect(refused.summary.failed[0]!.error).toMatch(/ECONNREFUSED after 2 attempt/);

    const server = await startWebhookServer();
    // The next run finds nothing new (say, a narrower scan): the outbox alone brings the delivery back.
    const next = await run([], revokeConfig(server.url), dir);
    expect(next.summary.delivered).toBe(1);
    expect(server.received).toHaveLength(1);

    const again = await run(findings, revokeConfig(server.url), dir);
    expect(again.summary).toMatchObject({ delivered: 0, alreadyDelivered: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('sends one delivery for a key found in several places', async () => {
    const server = await startWebhookServer();
    const live = key.smartpayLive();
    await run([...detectIn(`k = "${live}"`, 'a.ts'), ...detectIn(`k = "${live}"`, 'b.py')], revokeConfig(server.url), tempTree());
    expect(server.received).toHaveLength(1);
  });

  it('sends the raw key only when includeSecret is set', async () => {
    const server = await startWebhookServer();
    const live = key.smartpayLive();
    await run(detectIn(`k = "${live}"`), revokeConfig(server.url, { includeSecret: true }), tempTree());
    expect(JSON.parse(server.received[0]!.body).secret).toBe(live);
  });

  it('keeps no more requests in flight than the concurrency allows', async () => {
    const server = await startWebhookServer([{ status: 200, delayMs: 100 }]);
    const findings = Array.from({ length: 8 }, (_, i) => detectIn(`k = "${key.smartpayLive()}"`, `f${i}.ts`)).flat();
    const { summary } = await run(findings, revokeConfig(server.url, { concurrency: 2 }), tempTree());
    expect(summary.delivered).toBe(8);
    expect(server.maxInFlight()).toBe(2);
  });

  it('selects keys by include: live, secret, all', async () => {
    const findings = [...detectIn(`k = "${key.smartpayLive()}"`), ...detectIn(`k = "${key.smartpayTest()}"`), ...detectIn(`API_KEY=${key.opaque()}`)];
    for (const [include, count] of [['live', 1], ['secret', 3], ['all', 3]] as const) {
      const server = await startWebhookServer();
      await run(findings, revokeConfig(server.url, { include }), tempTree());
      expect(server.received, include).toHaveLength(count);
    }
  });

  it('include: active delivers only keys --verify found active, with their validity', async () => {
    const findings = [...detectIn(`k = "${key.smartpayLive()}"`), ...detectIn(`k = "${key.smartpayTest()}"`), ...detectIn(`API_KEY=${key.opaque()}`)];
    findings[0]!.validity = 'inactive';
    findings[1]!.validity = 'active';
    const server = await startWebhookServer();
    await run(findings, revokeConfig(server.url, { include: 'active' }), tempTree());
    expect(server.received.map((r) => JSON.parse(r.body))).toEqual([expect.objectContaining({ rule: 'smartpay-test-secret-key', validity: 'active' })]);
  });

  it('prints what it would send in a dry run, sends nothing, and never prints the key', async () => {
    const server = await startWebhookServer();
    const live = key.smartpayLive();
    const { summary, log } = await run(detectIn(`k = "${live}"`), revokeConfig(server.url, { includeSecret: true }), tempTree(), true);
    expect(summary).toMatchObject({ dryRun: true, qualifying: 1, delivered: 0 });
    expect(server.received).toHaveLength(0);
    expect(log.join('\n')).toContain(`sk_live_…${live.slice(-4)}`);
    expect(log.join('\n')).not.toContain(live.slice(8));
  });

  it('refuses to run without the signing secret in the environment', async () => {
    delete process.env.KEYWARD_TEST_WEBHOOK_SECRET;
    const server = await startWebhookServer();
    await expect(run(detectIn(`k = "${key.smartpayLive()}"`), revokeConfig(server.url), tempTree())).rejects.toThrow(RevokeConfigError);
    expect(server.received).toHaveLength(0);
  });
});
