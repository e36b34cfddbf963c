import { POLICIES } from '../context/policies.js';
import type { CompiledRule } from '../engine/compile-rule.js';
import type { Severity } from '../engine/types.js';

/** What a report says about a rule (SARIF's tool.driver.rules): the pattern rules that report, and the policies. */
export interface RuleDescriptor {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  remediation: string;
  vendor?: string;
  /** Pattern rules gated by entropy are less certain than prefix rules. */
  precision: 'high' | 'medium';
}

export function ruleDescriptors(rules: readonly CompiledRule[]): RuleDescriptor[] {
  const patternRules = rules
    .filter((rule) => rule.definition.report)
    .map((rule) => ({
      id: rule.id,
      title: rule.definition.title,
      description: rule.definition.description,
      severity: rule.severity,
      remediation: rule.definition.remediation,
      ...(rule.definition.vendor ? { vendor: rule.definition.vendor } : {}),
      precision: rule.definition.entropy === undefined ? ('high' as const) : ('medium' as const),
    }));
  const policies = POLICIES.map((policy) => ({
    id: policy.id,
    title: policy.title,
    description: policy.description,
    severity: policy.severity,
    remediation: policy.remediation,
    precision: 'high' as const,
  }));
  return [...patternRules, ...policies];
}
