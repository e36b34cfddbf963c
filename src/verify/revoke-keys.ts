import type { CompiledRule } from '../engine/compile-rule.js';
import { keyFactsOf } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { anyMatches, parsedBody } from './judge-response.js';
import { revokeRequest } from './request-template.js';
import { sendRequest, type SendOptions } from './safe-request.js';
import type { RevokeSpec } from './verify-schema.js';

/** One key a vendor can revoke, and every finding that holds it. */
export interface RevokeTarget {
  secret: string;
  spec: RevokeSpec;
  findings: Finding[];
}

export interface RevokeResult {
  target: RevokeTarget;
  /** The vendor accepted the request (GitHub's 202 says no more than that: verify again to know). */
  accepted: boolean;
  error?: string;
}

/**
 * The keys `keyward revoke` may act on: verified active in this run, by a built-in rule whose vendor offers
 * revocation (a custom rule's revoke block would send keys to a URL from the repository). One target per key.
 */
export function revocableTargets(findings: readonly Finding[], rules: readonly CompiledRule[]): RevokeTarget[] {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const targets = new Map<string, RevokeTarget>();
  for (const finding of findings) {
    const facts = keyFactsOf(finding);
    const rule = facts && ruleById.get(facts.ruleId);
    const spec = rule?.definition.revoke;
    if (!facts || !rule || !spec || rule.custom || finding.validity !== 'active') continue;
    const target = targets.get(facts.secret);
    if (target) target.findings.push(finding);
    else targets.set(facts.secret, { secret: facts.secret, spec, findings: [finding] });
  }
  return [...targets.values()];
}

/**
 * Sends the revocations: one request per key, or per batch where the vendor takes many (GitHub: up to 1,000 a call,
 * 60 calls an hour). Each request goes through the same guard as verification: the rule's https origin only.
 */
export async function revokeTargets(targets: readonly RevokeTarget[], send: SendOptions): Promise<RevokeResult[]> {
  const results: RevokeResult[] = [];
  const byVendor = new Map<RevokeSpec, RevokeTarget[]>();
  for (const target of targets) byVendor.set(target.spec, [...(byVendor.get(target.spec) ?? []), target]);
  for (const [spec, group] of byVendor) {
    for (let start = 0; start < group.length; start += spec.batch) {
      const batch = group.slice(start, start + spec.batch);
      const request = revokeRequest(spec, { secret: batch[0]!.secret, secrets: batch.map((t) => t.secret) });
      const outcome = await sendRequest(request, send);
      const accepted = 'answer' in outcome && anyMatches(spec.accepted, outcome.answer, () => parsedBody(outcome.answer.body));
      const error = 'error' in outcome ? outcome.error : accepted ? undefined : `${spec.provider} answered ${outcome.answer.status}`;
      for (const target of batch) results.push({ target, accepted, ...(error ? { error } : {}) });
    }
  }
  return results;
}
