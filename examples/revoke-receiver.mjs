// An example receiver for keyward's revoke webhook, to start from: it verifies the signature, refuses deliveries
// whose timestamp is too old (a captured request cannot be replayed later), handles each key once however often it
// is delivered (by Idempotency-Key, as an idempotent API does: a repeat gets 200), and hands each key to `onLeak`
// (revoke it there: call your vendor's API, page someone, open an incident). No dependencies; Node 20+.
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
  // Idempotency-Key → the handling of that key: done, or under way (a second delivery meanwhile waits for it).
  // A real receiver keeps this in its database, for longer than keyward keeps retrying.
  const handled = new Map();
  return createServer(async (request, response) => {
    if (request.method !== 'POST') return end(response, 405, 'POST only');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const verdict = verifyKeywardSignature(secret, body, request.headers['keyward-signature']);
    if (!verdict.ok) return end(response, 401, verdict.reason);
    const idempotencyKey = String(request.headers['idempotency-key'] ?? '');
    if (!idempotencyKey) return end(response, 400, 'no Idempotency-Key');
    // The same key again (a retry whose first answer was lost, a replay within the tolerance): already handled.
    const earlier = handled.get(idempotencyKey);
    if (earlier) {
      const ok = await earlier;
      return ok ? end(response, 200, 'already handled') : end(response, 500, 'handler failed');
    }
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return end(response, 400, 'not JSON');
    }
    const handling = Promise.resolve()
      .then(() => onLeak(payload))
      .then(
        () => true,
        () => false,
      );
    handled.set(idempotencyKey, handling);
    if (await handling) return end(response, 200, 'ok');
    handled.delete(idempotencyKey); // keyward will retry, and the next delivery tries again
    end(response, 500, 'handler failed');
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
