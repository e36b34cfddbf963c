import { createRequire } from 'node:module';

// node:crypto is required on first use, not imported: importing it loads all of crypto at start-up (some 3 ms of
// every run, a clean one included), and a run without findings never hashes.
const requireBuiltin = createRequire(import.meta.url);
let sha256: (() => import('node:crypto').Hash) | undefined;
const hasher = () => (sha256 ??= () => (requireBuiltin('node:crypto') as typeof import('node:crypto')).createHash('sha256'))();

/** Identifies one secret under one rule, wherever and whenever it appears. */
export function fingerprintOf(ruleId: string, secret: string): string {
  return hasher().update(`${ruleId}\0${secret}`).digest('hex').slice(0, 32);
}

/** SHA-256 of the key alone: what a revocation service can match against its own key store. */
export function secretHash(secret: string): string {
  return hasher().update(secret).digest('hex');
}
