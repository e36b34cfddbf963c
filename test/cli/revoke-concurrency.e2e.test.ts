import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCliAsync } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startWebhookServer, type ReceivedRequest } from '../helpers/webhook-server.js';

const env = { KEYWARD_WEBHOOK_SECRET: 'whsec_concurrency_test' };

/** A tree with `count` live keys (one per file) and a revoke config with the given extra lines. */
function leakyTree(url: string, count: number, extra = '') {
  const files: Record<string, string> = {
    '.keyward.yml': `revoke:\n  url: ${url}\n  secretEnv: KEYWARD_WEBHOOK_SECRET\n  backoffMs: 10\n${extra}`,
  };
  for (let i = 0; i < count; i++) files[`src/pay${i}.ts`] = `export const k = "${key.smartpayLive()}";\n`;
  return tempTree(files);
}

function deliveriesPerKey(received: ReceivedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of received) {
    const id = String(request.headers['idempotency-key']);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function readOutbox(root: string) {
  return JSON.parse(readFileSync(join(root, '.keyward/revoke-outbox.json'), 'utf8')) as {
    delivered: Record<string, unknown>;
    pending: Record<string, { lastError: string }>;
  };
}

/** Polls `condition` every 20 ms, for at most `ms`. */
async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited >= ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the revoke outbox shared by keyward processes running at once (built CLI, real receiver)', () => {
  it('outbox: two runs at once deliver every key, and no key twice', async () => {
    for (let iteration = 0; iteration < 3; iteration++) {
      // Slow answers, so that the two runs' deliveries overlap in time.
      const server = await startWebhookServer([{ status: 200, delayMs: 40 }]);
      const root = leakyTree(server.url, 8, '  concurrency: 2\n');
      const [first, second] = await Promise.all([
        runCliAsync(['scan', '--revoke'], { cwd: root, env }),
        runCliAsync(['scan', '--revoke'], { cwd: root, env }),
      ]);
      expect([first.status, second.status]).toEqual([1, 1]);
      const counts = deliveriesPerKey(server.received);
      expect(counts.size).toBe(8);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const outbox = readOutbox(root);
      expect(Object.keys(outbox.delivered)).toHaveLength(8);
      expect(Object.keys(outbox.pending)).toHaveLength(0);
    }
  });

  it('outbox: a run stopped by SIGTERM mid-delivery has recorded what was delivered; the next run sends only the rest', async () => {
    // Two quick answers, then a receiver too slow to answer before the signal.
    const server = await startWebhookServer([{ status: 200 }, { status: 200 }, { status: 200, delayMs: 10_000 }]);
    const root = leakyTree(server.url, 6, '  concurrency: 1\n  timeoutMs: 20000\n');
    const child = spawn(process.execPath, [CLI, 'scan', '--revoke'], { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (part: string) => (stderr += part));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // With one delivery at a time, the third request starts only after the second answer was recorded.
    await waitFor(() => server.received.length === 3, 15_000);
    child.kill('SIGTERM');
    const end = await exited;
    expect(end.signal).toBe('SIGTERM');
    expect(stderr).toContain('stopped by SIGTERM');

    const outbox = readOutbox(root);
    expect(Object.keys(outbox.delivered)).toHaveLength(2);
    expect(Object.keys(outbox.pending)).toHaveLength(4);
    expect(Object.values(outbox.pending).every((p) => p.lastError === 'interrupted')).toBe(true);

    const delivered = new Set([...deliveriesPerKey(server.received.slice(0, 2)).keys()]);
    const interrupted = String(server.received[2]!.headers['idempotency-key']);
    const next = await startWebhookServer();
    const config = readFileSync(join(root, '.keyward.yml'), 'utf8').replace(server.url, next.url);
    writeFileSync(join(root, '.keyward.yml'), config);
    const rerun = await runCliAsync(['scan', '--revoke'], { cwd: root, env });
    expect(rerun.status).toBe(1);
    const resent = deliveriesPerKey(next.received);
    // The four not delivered are sent (the interrupted one again: its answer never came), the two delivered never.
    expect(resent.size).toBe(4);
    expect([...resent.keys()].some((id) => delivered.has(id))).toBe(false);
    expect(resent.get(interrupted)).toBe(1);
  });
});

describe('retries and the example receiver (built CLI, examples/revoke-receiver.mjs on 127.0.0.1)', () => {
  it('retry: each retry is a new request with a fresh signature, and a retry in the same second is accepted, not refused as a replay', async () => {
    const { createRevokeReceiver } = await import('../../examples/revoke-receiver.mjs');
    let calls = 0;
    const handled: unknown[] = [];
    const server = createRevokeReceiver({
      secret: env.KEYWARD_WEBHOOK_SECRET,
      onLeak: (payload: unknown) => {
        if (++calls === 1) throw new Error('the vendor API is down'); // 500: keyward retries within milliseconds
        handled.push(payload);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/keyward`;
      const root = leakyTree(url, 1);
      const run = await runCliAsync(['scan', '--revoke'], { cwd: root, env });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('revoke: 1 delivered');
      expect(calls).toBe(2);
      expect(handled).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
