import type { CompiledRule } from '../engine/compile-rule.js';
import type { Finding, Validity } from '../engine/types.js';
import { planChecks, type Check } from './check-plan.js';
import { judgeAnswer } from './judge-response.js';
import { retryAfterMs } from '../retry-after.js';
import { ProviderThrottle } from './provider-throttle.js';
import { MissingValueError, verifyRequest } from './request-template.js';
import { sendRequest, type SendOptions } from './safe-request.js';
import { VerifyCache } from './verify-cache.js';
import type { OriginMap } from './verify-origins.js';

export interface VerifyOptions {
  origins: OriginMap;
  /** Per request; the issue of politeness says 5–10 s. */
  timeoutMs: number;
  cache: VerifyCache;
  userAgent: string;
  /** Let the config's custom rules verify (`--verify-custom-rules`): their URLs come from the repository. */
  allowCustomRules: boolean;
  /** Requests at once to one provider. */
  concurrencyPerProvider?: number;
  /** The longest Retry-After waited for before one more try; longer, and the key is `unknown`. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
}

export interface VerifySummary {
  /** Distinct keys asked about (from the cache or the vendor). */
  keys: number;
  /** Requests sent to vendors (a retry after a 429 counts). */
  requests: number;
  fromCache: number;
  counts: Record<Validity, number>;
  notes: string[];
}

/**
 * Asks each finding's vendor whether its key works and records the answer on the findings: `validity`, and severity
 * `error` for an active key whatever its rule says. Findings are reordered, active keys first. The keys go only to
 * the origins of their rules (see safe-request.ts); nothing logged or returned holds one.
 */
export async function verifyFindings(findings: Finding[], rules: readonly CompiledRule[], options: VerifyOptions): Promise<VerifySummary> {
  const plan = planChecks(findings, rules, options.allowCustomRules);
  const summary: VerifySummary = { keys: plan.checks.length, requests: 0, fromCache: 0, counts: { active: 0, inactive: 0, unknown: 0 }, notes: [...plan.notSent] };
  const throttle = new ProviderThrottle(options.concurrencyPerProvider ?? 2);
  const reasons = new Map<string, number>();
  await Promise.all(
    plan.checks.map(async (check) => {
      let validity = options.cache.get(check.key);
      if (validity) summary.fromCache++;
      else {
        const asked = await askVendor(check, throttle, options, () => summary.requests++);
        validity = asked.validity;
        const reason = asked.reason && `${check.spec.provider}: ${asked.reason}`;
        if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        options.cache.set(check.key, validity);
      }
      summary.counts[validity]++;
      for (const finding of check.findings) {
        finding.validity = validity;
        if (validity === 'active') finding.severity = 'error';
      }
    }),
  );
  options.cache.save();
  for (const [reason, count] of reasons) summary.notes.push(`${count} key(s) unknown: ${reason}`);
  sortActiveFirst(findings);
  return summary;
}

/** Active keys first, then the rest in the order they had (stable). */
export function sortActiveFirst(findings: Finding[]): void {
  const rank = (f: Finding) => (f.validity === 'active' ? 0 : 1);
  const ordered = findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index);
  ordered.forEach(({ finding }, index) => (findings[index] = finding));
}

/** One check, with one more try after a 429 whose Retry-After is short; why it stayed unknown, if it did. */
async function askVendor(check: Check, throttle: ProviderThrottle, options: VerifyOptions, counted: () => void): Promise<{ validity: Validity; reason?: string }> {
  let prepared;
  try {
    prepared = verifyRequest(check.spec, { secret: check.secret, ...(check.pair !== undefined ? { pair: check.pair } : {}) });
  } catch (error) {
    if (error instanceof MissingValueError) return { validity: 'unknown', reason: error.message };
    throw error;
  }
  const send: SendOptions = { origins: options.origins, timeoutMs: options.timeoutMs, userAgent: options.userAgent, ...(options.signal ? { signal: options.signal } : {}) };
  for (let attempt = 1; ; attempt++) {
    const outcome = await throttle.run(check.spec.provider, () => {
      counted();
      return sendRequest(prepared, send);
    });
    if ('error' in outcome) return { validity: 'unknown', reason: outcome.error };
    const { answer } = outcome;
    if (answer.status === 429) {
      const wait = retryAfterMs(answer.headers['retry-after']);
      if (wait !== undefined) throttle.pause(check.spec.provider, Math.min(wait, options.maxRetryAfterMs ?? 10_000));
      if (attempt === 1 && wait !== undefined && wait <= (options.maxRetryAfterMs ?? 10_000)) continue;
      return { validity: 'unknown', reason: 'rate-limited (429)' };
    }
    const validity = judgeAnswer(check.spec, answer);
    return validity === 'unknown' ? { validity, reason: `answered ${answer.status}, which does not settle it` } : { validity };
  }
}
