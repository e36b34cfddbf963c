import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { RevokeConfig } from '../config/schema.js';
import { escapeControlInLine } from '../engine/control-characters.js';
import type { Finding } from '../engine/types.js';
import { deliver } from './deliver.js';
import { Outbox } from './outbox.js';
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

/** Which findings the webhook reports: live keys (the default), any secret key, or everything found. */
export function qualifies(finding: Finding, include: RevokeConfig['include']): boolean {
  if (include === 'all') return true;
  if (finding.keyType?.kind === 'public') return false;
  return include === 'secret' || finding.keyType?.mode === 'live';
}

/**
 * Tells the configured endpoint about each leaked key, once per key across runs: signed, retried, remembered in
 * the outbox. Deliveries that failed on an earlier run go out again first.
 */
export async function runRevoke(findings: Finding[], config: RevokeConfig, options: RevokeOptions): Promise<RevokeSummary> {
  const now = new Date();
  const payloads = new Map<string, RevokePayload>();
  for (const finding of findings.filter((f) => qualifies(f, config.include))) {
    const payload = buildPayload(finding, options.repo, config.includeSecret, now);
    if (!payloads.has(payload.fingerprint)) payloads.set(payload.fingerprint, payload);
  }
  const qualifying = payloads.size;
  const outbox = Outbox.open(resolve(options.configDir, config.outbox));
  // A delivery that failed last time is retried, with the key only if this run found it again.
  for (const pending of outbox.pending()) {
    if (!payloads.has(pending.payload.fingerprint)) payloads.set(pending.payload.fingerprint, pending.payload);
  }
  const toSend = [...payloads.values()].filter((p) => !outbox.isDelivered(p.fingerprint));
  const summary: RevokeSummary = { dryRun: options.dryRun, qualifying, delivered: 0, alreadyDelivered: payloads.size - toSend.length, failed: [] };

  if (options.dryRun) {
    for (const payload of toSend) {
      const shown = payload.secret === undefined ? payload : { ...payload, secret: '<the key: sent on a real run, never printed>' };
      options.log(`revoke (dry run): would POST to ${config.url}: ${JSON.stringify(shown)}`);
    }
    return summary;
  }
  if (toSend.length === 0) return summary;

  const signingSecret = process.env[config.secretEnv];
  if (!signingSecret) {
    throw new RevokeConfigError(`revoke.secretEnv: the environment variable ${config.secretEnv} is not set (it holds the signing secret)`);
  }
  await mapWithConcurrency(toSend, config.concurrency, async (payload) => {
    const result = await deliver(JSON.stringify(payload), idempotencyKey(payload), {
      url: config.url,
      signingSecret,
      timeoutMs: config.timeoutMs,
      maxAttempts: config.maxAttempts,
      backoffMs: config.backoffMs,
      userAgent: options.userAgent,
    });
    const where = escapeControlInLine(`${payload.preview} (${payload.path}:${payload.line})`);
    if (result.ok) {
      outbox.markDelivered(payload);
      summary.delivered++;
      options.log(`revoke: delivered ${where}`);
    } else {
      const error = `${result.error ?? 'failed'} after ${result.attempts} attempt(s)`;
      outbox.markFailed(payload, result.attempts, error);
      summary.failed.push({ preview: payload.preview, path: payload.path, line: payload.line, error });
      options.log(`revoke: could not deliver ${where}: ${error}; kept in the outbox for the next run`);
    }
  });
  outbox.save();
  return summary;
}

/** Derived from the key's fingerprint, so a receiver can drop a second delivery of the same key. */
export function idempotencyKey(payload: Pick<RevokePayload, 'fingerprint'>): string {
  return createHash('sha256').update(`keyward-revoke\0${payload.fingerprint}`).digest('hex');
}
