import { shannonEntropy } from './entropy.js';
import type { RuleDefinition } from './rule-schema.js';

/** Hex has 16 symbols: a random 32-hex key scores at most 4 bits a character, about one in 10,000 under 3.0. */
const HEX = /^[0-9a-f]+$|^[0-9A-F]+$/;
const HEX_ALLOWANCE = 0.9;

/** The rule's own gates on the secret's randomness: an entropy floor (lower for hex), and optionally a digit. */
export function entropyOk(secret: string, rule: Pick<RuleDefinition, 'entropy' | 'requireDigit'>): boolean {
  if (rule.requireDigit && !/\d/.test(secret)) return false;
  if (rule.entropy === undefined) return true;
  const floor = HEX.test(secret) ? rule.entropy - HEX_ALLOWANCE : rule.entropy;
  return shannonEntropy(secret) >= floor;
}
