import { createRequire } from 'node:module';

// node:crypto is required on first use, not imported: an import loads all of crypto at start-up (some 3 ms of every
// run, a clean one included), while only a finding's fingerprint or a key store's blob id needs a hash.
const requireBuiltin = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;

/** node:crypto's createHash, loaded the first time a hash is made. */
export function createHash(algorithm: string): import('node:crypto').Hash {
  return (crypto ??= requireBuiltin('node:crypto') as typeof import('node:crypto')).createHash(algorithm);
}
