import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRevokeReceiver } from '../../examples/revoke-receiver.mjs';
import { signatureHeader } from '../../src/sinks/signature.js';

const SECRET = 'whsec_receiver_test';
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function receiver() {
  const leaks: Array<Record<string, unknown>> = [];
  const server = createRevokeReceiver({ secret: SECRET, onLeak: (p) => void leaks.push(p) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = (body: string, signature: string, idempotency = 'k1') =>
    fetch(url, { method: 'POST', body, headers: { 'keyward-signature': signature, 'idempotency-key': idempotency } });
  return { leaks, post };
}

describe('examples/revoke-receiver.mjs', () => {
  it('accepts a signed delivery, and answers the same request again as already handled without handling it twice', async () => {
    const { leaks, post } = await receiver();
    const body = JSON.stringify({ rule: 'smartpay-live-secret-key' });
    const signature = signatureHeader(SECRET, body, Math.floor(Date.now() / 1000));
    expect((await post(body, signature)).status).toBe(200);
    const again = await post(body, signature);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('already handled');
    expect(leaks).toHaveLength(1);
  });

  it('receiver: accepts a retry sent in the same second as the first attempt (same signature), handling the key once', async () => {
    let calls = 0;
    const server = createRevokeReceiver({
      secret: SECRET,
      onLeak: () => {
        calls++;
        if (calls === 1) throw new Error('vendor API down'); // the first attempt fails: keyward retries at once
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const body = '{"rule":"x"}';
    const signature = signatureHeader(SECRET, body, Math.floor(Date.now() / 1000));
    const post = () => fetch(url, { method: 'POST', body, headers: { 'keyward-signature': signature, 'idempotency-key': 'k' } });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('handles two deliveries of one key that arrive at once only once', async () => {
    let calls = 0;
    const server = createRevokeReceiver({ secret: SECRET, onLeak: () => new Promise<void>((resolve) => setTimeout(() => (calls++, resolve()), 50)) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const body = '{"rule":"x"}';
    const post = () =>
      fetch(url, { method: 'POST', body, headers: { 'keyward-signature': signatureHeader(SECRET, body, Math.floor(Date.now() / 1000)), 'idempotency-key': 'k' } });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(calls).toBe(1);
  });

  it('refuses a wrong signature, a changed body and an old timestamp', async () => {
    const { leaks, post } = await receiver();
    const body = '{"rule":"x"}';
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, signatureHeader('another secret', body, now))).status).toBe(401);
    expect((await post('{"rule":"y"}', signatureHeader(SECRET, body, now))).status).toBe(401);
    expect((await post(body, signatureHeader(SECRET, body, now - 3600))).status).toBe(401);
    expect(leaks).toHaveLength(0);
  });

  it('handles a second delivery of the same key once', async () => {
    const { leaks, post } = await receiver();
    const now = Math.floor(Date.now() / 1000);
    const first = '{"n":1}';
    const second = '{"n":2}';
    expect((await post(first, signatureHeader(SECRET, first, now), 'same')).status).toBe(200);
    expect((await post(second, signatureHeader(SECRET, second, now), 'same')).status).toBe(200);
    expect(leaks).toHaveLength(1);
  });
});
