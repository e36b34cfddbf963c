import type { CompiledRule } from '../engine/compile-rule.js';
import { keyFactsOf } from '../engine/detector.js';
import { loadRe2js } from '../lazy-require.js';
import type { Finding } from '../engine/types.js';
import { VerifyCache } from './verify-cache.js';
import type { VerifySpec } from './verify-schema.js';

/** One question to one vendor: a key (and its pair), and every finding that holds it. */
export interface Check {
  key: string;
  spec: VerifySpec;
  secret: string;
  pair?: string;
  findings: Finding[];
}

export interface CheckPlan {
  checks: Check[];
  /** Why some findings of verifiable rules were not sent, one line each, counted (never the key). */
  notSent: string[];
}

/**
 * How a rule asks about a finding's key: its own `verify:`, or, for a shape several vendors issue, the block of the
 * one issuer the file's evidence named (when the evidence named several, the key is sent to none).
 */
export function verifySpecFor(rule: CompiledRule, finding: Finding): VerifySpec | undefined {
  if (rule.definition.verify) return rule.definition.verify;
  return rule.definition.issuers?.find((issuer) => issuer.vendor === finding.vendor)?.verify;
}

/** A rule's `appliesTo` on a key: V8 for built-in rules, the linear-time engine for a config's (as their regexes). */
function appliesTo(pattern: string, rule: CompiledRule, secret: string): boolean {
  if (!rule.custom) return new RegExp(pattern).test(secret);
  const { RE2JS } = loadRe2js();
  return RE2JS.compile(pattern).matcher(secret).find();
}

/**
 * The checks a run makes: findings grouped so that one key is asked about once, whatever number of files and
 * commits hold it. A key two rules with different providers claim is sent to neither (it could be either vendor's,
 * and one of them would receive the other's key); custom rules verify only when the runner allowed it.
 */
export function planChecks(findings: readonly Finding[], rules: readonly CompiledRule[], allowCustomRules: boolean): CheckPlan {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const checks = new Map<string, Check>();
  const providersOfSecret = new Map<string, Set<string>>();
  const reasons = new Map<string, number>();
  const skip = (reason: string, count = 1) => reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  for (const finding of findings) {
    const facts = keyFactsOf(finding);
    const rule = facts && ruleById.get(facts.ruleId);
    if (!facts || !rule || !rule.definition.valueChecks) continue;
    const spec = verifySpecFor(rule, finding);
    if (!spec) {
      if (rule.definition.issuers?.some((issuer) => issuer.verify)) skip('the file does not say which vendor issued the key');
      continue;
    }
    if (rule.custom && !allowCustomRules) {
      skip('a custom rule from the config verifies only with --verify-custom-rules');
      continue;
    }
    if (facts.noVendorEvidence) {
      skip(`the file does not name ${rule.definition.vendor ?? 'the vendor'}, and the rule's shape is not theirs alone`);
      continue;
    }
    if (spec.appliesTo && !appliesTo(spec.appliesTo, rule, facts.secret)) {
      skip('the vendor offers no check for this kind of key');
      continue;
    }
    if (spec.pairWith && facts.pair === undefined) {
      skip('the other half of the key pair was not found beside it');
      continue;
    }
    const key = VerifyCache.keyOf(spec.provider, facts.secret, facts.pair);
    const check = checks.get(key);
    if (check) check.findings.push(finding);
    else checks.set(key, { key, spec, secret: facts.secret, ...(facts.pair !== undefined ? { pair: facts.pair } : {}), findings: [finding] });
    const providers = providersOfSecret.get(facts.secret) ?? new Set();
    providers.add(spec.provider);
    providersOfSecret.set(facts.secret, providers);
  }
  const kept: Check[] = [];
  for (const check of checks.values()) {
    if ((providersOfSecret.get(check.secret)?.size ?? 0) > 1) skip('two rules with different vendors claim the key', check.findings.length);
    else kept.push(check);
  }
  return { checks: kept, notSent: [...reasons].map(([reason, count]) => `${count} finding(s) not verified: ${reason}`) };
}
