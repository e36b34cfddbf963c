import { createHash } from '../hash.js';

/** Identifies one secret under one rule, wherever and whenever it appears. */
export function fingerprintOf(ruleId: string, secret: string): string {
  return createHash('sha256').update(`${ruleId}\0${secret}`).digest('hex').slice(0, 32);
}

/** SHA-256 of the key alone: what a revocation service can match against its own key store. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
