import { shannonEntropy } from './entropy.js';
import type { RuleDefinition } from './rule-schema.js';

/** The rule's own gates on the secret's randomness: an entropy floor, and optionally a digit. */
export function entropyOk(secret: string, rule: Pick<RuleDefinition, 'entropy' | 'requireDigit'>): boolean {
  if (rule.requireDigit && !/\d/.test(secret)) return false;
  return rule.entropy === undefined || shannonEntropy(secret) >= rule.entropy;
}
