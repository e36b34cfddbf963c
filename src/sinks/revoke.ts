import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { RevokeConfig } from '../config/schema.js';
import { escapeControlInLine } from '../engine/control-characters.js';
import type { Finding } from '../engine/types.js';
import { deliver, INTERRUPTED } from './deliver.js';
import { Outbox, type OutboxState } from './outbox.js';
import { mapWithConcurrency } from './pool.js';
import type { RepositoryContext } from './repository-context.js';
import { buildPayload, type RevokePayload } from './revoke-payload.js';

export interface RevokeSummary {
  dryRun: boolean;
  /** Keys this run found that the config's `include` selects. */
  qualifying: number;
  delivered: number;
  /** Keys a previous run delivered already: not sent again. */
  alreadyDelivered: number;
  /** Deliveries that failed: kept in the outbox for the next run. */
  failed: Array<{ preview: string; path: string; line: number; error: string }>;
}

/** The config names an env var that is not set: one line, exit 2. */
export class RevokeConfigError extends Error {
  override name = 'RevokeConfigError';
}

export interface RevokeOptions {
  /** Relative outbox paths are relative to the config file's folder. */
  configDir: string;
  repo?: RepositoryContext;
  dryRun: boolean;
  userAgent: string;
  /** Where progress lines go (stderr): previews and locations only, never a key. */
  log: (line: string) => void;
}

/** Which findings the webhook reports: live keys (the default), any secret key, everything found, or keys verified active. */
export function qualifies(finding: Finding, include: RevokeConfig['include']): boolean {
  if (include === 'all') return true;
  if (include === 'active') return finding.validity === 'active';
  if (finding.keyType?.kind === 'public') return false;
  return include === 'secret' || finding.keyType?.mode === 'live';
}

/**
 * Tells the configured endpoint about each leaked key, once per key across runs: signed, retried, remembered in
 * the outbox the moment each answer arrives. Deliveries that failed on an earlier run go out again first. Keys
 * another running keyward process is delivering are left to it. SIGINT or SIGTERM stops the deliveries, records
 * what was and was not delivered, and then ends the process as the signal would have.
 */
export async function runRevoke(findings: Finding[], config: RevokeConfig, options: RevokeOptions): Promise<RevokeSummary> {
  const now = new Date();
  const payloads = new Map<string, RevokePayload>();
  for (const finding of findings.filter((f) => qualifies(f, config.include))) {
    const payload = buildPayload(finding, options.repo, config.includeSecret, now);
    if (!payloads.has(payload.fingerprint)) payloads.set(payload.fingerprint, payload);
  }
  const qualifying = payloads.size;
  const summary: RevokeSummary = { dryRun: options.dryRun, qualifying, delivered: 0, alreadyDelivered: 0, failed: [] };
  const file = resolve(options.configDir, config.outbox);

  if (options.dryRun) {
    const known = Outbox.peek(file).read(); // a dry run creates nothing
    addPending(payloads, known);
    for (const payload of payloads.values()) {
      if (payload.fingerprint in known.delivered) {
        summary.alreadyDelivered++;
        continue;
      }
      const shown = payload.secret === undefined ? payload : { ...payload, secret: '<the key: sent on a real run, never printed>' };
      options.log(`revoke (dry run): would POST to ${config.url}: ${escapeControlInLine(JSON.stringify(shown))}`);
    }
    return summary;
  }
  const outbox = Outbox.open(file);
  const known = outbox.read();
  addPending(payloads, known);
  const signingSecret = process.env[config.secretEnv];
  if ([...payloads.keys()].some((fingerprint) => !(fingerprint in known.delivered)) && !signingSecret) {
    throw new RevokeConfigError(`revoke.secretEnv: the environment variable ${config.secretEnv} is not set (it holds the signing secret)`);
  }

  const { claimed, delivered, elsewhere } = await outbox.claim(payloads.keys());
  summary.alreadyDelivered = delivered.size;
  if (elsewhere.size) options.log(`revoke: ${elsewhere.size} key(s) are being delivered by another keyward run; left to it`);
  const toSend = [...payloads.values()].filter((p) => claimed.has(p.fingerprint));
  if (toSend.length === 0) return summary;

  const stop = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    stop.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    await mapWithConcurrency(toSend, config.concurrency, async (payload) => {
      const where = escapeControlInLine(`${payload.preview} (${payload.path}:${payload.line})`);
      if (stop.signal.aborted) {
        // Not started: kept for the next run, which may not find the key again (a narrower scan).
        await outbox.markFailed(payload, 0, INTERRUPTED);
        summary.failed.push({ preview: payload.preview, path: payload.path, line: payload.line, error: INTERRUPTED });
        return;
      }
      const result = await deliver(JSON.stringify(payload), idempotencyKey(payload), {
        url: config.url,
        signingSecret: signingSecret!,
        timeoutMs: config.timeoutMs,
        maxAttempts: config.maxAttempts,
        backoffMs: config.backoffMs,
        userAgent: options.userAgent,
        stop: stop.signal,
      });
      if (result.ok) {
        await outbox.markDelivered(payload);
        summary.delivered++;
        options.log(`revoke: delivered ${where}`);
      } else {
        const error = result.error === INTERRUPTED ? INTERRUPTED : `${result.error ?? 'failed'} after ${result.attempts} attempt(s)`;
        await outbox.markFailed(payload, result.attempts, error);
        summary.failed.push({ preview: payload.preview, path: payload.path, line: payload.line, error });
        options.log(`revoke: could not deliver ${where}: ${error}; kept in the outbox for the next run`);
      }
    });
  } finally {
    await outbox.releaseClaims();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  if (stoppedBy) {
    options.log(`revoke: stopped by ${stoppedBy}; ${summary.delivered} delivered and recorded, the rest kept for the next run`);
    // End as the signal would have, now that the outbox is written and every lock released. A listener left behind
    // (signal-exit's, which proper-lockfile loads) would take the signal instead, and on Node 24 the process can
    // finish before that listener re-raises it: with none, the signal's default action ends the process at once.
    process.removeAllListeners(stoppedBy);
    process.kill(process.pid, stoppedBy);
  }
  return summary;
}

/** A delivery that failed last time is retried, with the key only if this run found it again. */
function addPending(payloads: Map<string, RevokePayload>, known: OutboxState): void {
  for (const { payload } of Object.values(known.pending)) if (!payloads.has(payload.fingerprint)) payloads.set(payload.fingerprint, payload);
}

/** Derived from the key's fingerprint, so a receiver can drop a second delivery of the same key. */
export function idempotencyKey(payload: Pick<RevokePayload, 'fingerprint'>): string {
  return createHash('sha256').update(`keyward-revoke\0${payload.fingerprint}`).digest('hex');
}
