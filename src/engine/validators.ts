import { whyNotAKey } from './not-a-key.js';

/**
 * Checks a format carries in itself. A string of the right shape whose checksum is wrong is not a key (a look-alike,
 * a hand-edited sample), so it is not a finding. Rules name a validator; they cannot supply code.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62_DIGITS_UPPER_FIRST = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62_DIGITS_LOWER_FIRST = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function base62Decode(text: string, digits: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = digits.indexOf(ch);
    if (digit === -1) return -1;
    value = value * 62 + digit;
  }
  return value;
}

export function base62Encode(value: number, width: number, digits = BASE62_DIGITS_UPPER_FIRST): string {
  let text = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) text = digits[v % 62] + text;
  return text.padStart(width, '0');
}

/**
 * GitHub's token format (ghp_, gho_, ghu_, ghs_, ghr_), also npm's (npm_): 30 random characters, then their CRC32
 * in 6 base62 digits. Both digit orders in use by base62 libraries are accepted, so that no real token is missed.
 */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  if (body.length <= 6) return false;
  const expected = crc32(body.slice(0, -6));
  const given = body.slice(-6);
  return base62Decode(given, BASE62_DIGITS_UPPER_FIRST) === expected || base62Decode(given, BASE62_DIGITS_LOWER_FIRST) === expected;
}

/**
 * Cloudflare's scannable format (cfk_ global keys, cfut_ user tokens, cfat_ account tokens): 40 random characters,
 * then their CRC32 in 8 hex digits.
 */
export function cloudflareChecksumOk(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 48) return false;
  return crc32(body.slice(0, 40)).toString(16).padStart(8, '0') === body.slice(40).toLowerCase();
}

/**
 * HTTP Basic credentials in base64 are judged as they read decoded: `user:pass`, `test-username:test-password` or
 * `AC000…000:foobar` are placeholders whatever their base64 looks like. Anything that does not decode to a printable
 * `user:password` (a plain password, a key) passes unjudged.
 */
export function basicCredentialsOk(secret: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(secret)) return true;
  const decoded = Buffer.from(secret, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  if (colon === -1 || !/^[\x20-\x7e]+$/.test(decoded)) return true;
  const password = decoded.slice(colon + 1);
  return password.length === 0 || !whyNotAKey(password);
}

/**
 * A JSON Web Token is three base64url parts: the header must decode to a JSON object naming its `alg`, the payload to
 * a JSON object. jwt.io's example (subject 1234567890, John Doe), copied into countless tutorials, is a sample.
 */
export function jwtStructureOk(token: string): boolean {
  // A GitHub App installation token wraps a JWT: ghs_<app id>_<JWT>.
  const [header, payload] = token.replace(/^[a-z]+_\d+_/, '').split('.');
  const decoded = (part: string | undefined): Record<string, unknown> | undefined => {
    try {
      const value = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const head = decoded(header);
  const body = decoded(payload);
  if (!head || typeof head.alg !== 'string' || !body) return false;
  return !(body.sub === '1234567890' && body.name === 'John Doe');
}

export const VALIDATORS = {
  'github-checksum': githubChecksumOk,
  'cloudflare-checksum': cloudflareChecksumOk,
  'basic-credentials': basicCredentialsOk,
  jwt: jwtStructureOk,
} satisfies Record<string, (secret: string) => boolean>;

export type ValidatorName = keyof typeof VALIDATORS;
