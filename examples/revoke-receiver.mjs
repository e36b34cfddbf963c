// An example receiver for keyward's revoke webhook, to start from: it verifies the signature, refuses old and
// replayed deliveries, drops a second delivery of the same key, and hands each key to `onLeak` (revoke it there:
// call your vendor's API, page someone, open an incident). No dependencies; Node 20+.
//
//   KEYWARD_WEBHOOK_SECRET=… node examples/revoke-receiver.mjs        # listens on 127.0.0.1:8787
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Deliveries older (or further in the future) than this are refused: a captured request cannot be replayed later. */
const TOLERANCE_SECONDS = 300;

export function verifyKeywardSignature(secret, body, header, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = Object.fromEntries(String(header ?? '').split(',').map((part) => part.split('=', 2)));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return { ok: false, reason: 'malformed signature' };
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale timestamp' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  return { ok: true, timestamp };
}

/**
 * @param {{ secret: string, onLeak: (payload: object) => void | Promise<void> }} options
 * @returns {import('node:http').Server}
 */
export function createRevokeReceiver({ secret, onLeak }) {
  const seenSignatures = new Map(); // signature → expiry: the same signed request twice is a replay
  const seenKeys = new Set(); // Idempotency-Key: the same key delivered twice is handled once
  return createServer(async (request, response) => {
    if (request.method !== 'POST') return end(response, 405, 'POST only');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const signature = request.headers['keyward-signature'];
    const verdict = verifyKeywardSignature(secret, body, signature);
    if (!verdict.ok) return end(response, 401, verdict.reason);
    const now = Date.now();
    for (const [seen, expiry] of seenSignatures) if (expiry < now) seenSignatures.delete(seen);
    if (seenSignatures.has(signature)) return end(response, 409, 'replayed delivery');
    seenSignatures.set(signature, now + TOLERANCE_SECONDS * 2000);
    const idempotencyKey = String(request.headers['idempotency-key'] ?? '');
    if (seenKeys.has(idempotencyKey)) return end(response, 200, 'already handled');
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return end(response, 400, 'not JSON');
    }
    try {
      await onLeak(payload);
    } catch {
      return end(response, 500, 'handler failed'); // keyward will retry
    }
    seenKeys.add(idempotencyKey);
    end(response, 200, 'ok');
  });
}

function end(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.KEYWARD_WEBHOOK_SECRET;
  if (!secret) {
    console.error('set KEYWARD_WEBHOOK_SECRET to the signing secret keyward uses');
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 8787);
  createRevokeReceiver({
    secret,
    onLeak: (p) => console.log(`leak: ${p.rule} ${p.preview} in ${p.repository ?? '?'} ${p.path}:${p.line} (${p.blobUrl ?? 'no link'})`),
  }).listen(port, '127.0.0.1', () => console.log(`keyward revoke receiver on http://127.0.0.1:${port}/`));
}
