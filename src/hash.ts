import { lazyBuiltin } from './lazy-builtin.js';

// Only a finding's fingerprint or a key store's blob id needs a hash: node:crypto loads with the first one.
const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto');

/** node:crypto's createHash, loaded the first time a hash is made. */
export function createHash(algorithm: string): import('node:crypto').Hash {
  return crypto().createHash(algorithm);
}
