import { shannonEntropy } from './entropy.js';
import type { RuleDefinition } from './rule-schema.js';

/** Hex has 16 symbols, so a random hex key scores at most 4 bits a character, and often under 3.5. */
const HEX = /^[0-9a-f]+$|^[0-9A-F]+$/;
const HEX_ALLOWANCE = 0.5;

/** The rule's own gates on the secret's randomness: an entropy floor (lower for hex), and optionally a digit. */
export function entropyOk(secret: string, rule: Pick<RuleDefinition, 'entropy' | 'requireDigit'>): boolean {
  if (rule.requireDigit && !/\d/.test(secret)) return false;
  if (rule.entropy === undefined) return true;
  const floor = HEX.test(secret) ? rule.entropy - HEX_ALLOWANCE : rule.entropy;
  return shannonEntropy(secret) >= floor;
}
