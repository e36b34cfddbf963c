import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// SHA-256 in JavaScript, not node:crypto: loading node:crypto costs ~5 ms of a run (19 M instructions), and a scan
// that finds anything needs a fingerprint, including the pre-commit hook's. Same digests, byte for byte.
const sha256Hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** Identifies one secret under one rule, wherever and whenever it appears. */
export function fingerprintOf(ruleId: string, secret: string): string {
  return sha256Hex(`${ruleId}\0${secret}`).slice(0, 32);
}

/** SHA-256 of the key alone: what a revocation service can match against its own key store. */
export function secretHash(secret: string): string {
  return sha256Hex(secret);
}
