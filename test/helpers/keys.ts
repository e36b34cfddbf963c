import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { base62Encode, crc32 } from '../../src/engine/validators.js';
import { alnum, hex, keys } from '../../bench/corpus.mjs';

/** Random bodies of the right shape, with at least one digit and one letter (as real keys have). */
export const randomAlnum = alnum;
export const randomHex = hex;

export function randomBase64(length: number): string {
  for (;;) {
    const out = randomBytes(length).toString('base64').replace(/[+/=]/g, '').slice(0, length);
    if (out.length === length && /\d/.test(out)) return out;
  }
}

function randomFrom(alphabet: string, length: number): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
    if (length < 6 || /\d/.test(out) || !/\d/.test(alphabet)) return out;
  }
}

/** A token in GitHub's format (also npm's): prefix, 30 random characters, their CRC32 in 6 base62 digits. */
export function githubStyleToken(prefix: string, valid = true): string {
  const body = randomAlnum(30);
  const checksum = base62Encode(crc32(body), 6);
  const last = checksum.at(-1)!;
  return `${prefix}_${body}${valid ? checksum : checksum.slice(0, -1) + (last === '0' ? '1' : '0')}`;
}

/** A PEM block of the given type (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`…) with a random body. */
export function pemBlock(type: string): string {
  const lines = Array.from({ length: 12 }, () => randomBytes(48).toString('base64'));
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----`;
}

/** A token in Cloudflare's scannable format: prefix, 40 random characters, their CRC32 in 8 hex digits. */
export function cloudflareStyleToken(prefix: string, valid = true): string {
  const body = randomAlnum(40);
  const checksum = crc32(body).toString(16).padStart(8, '0');
  return `${prefix}_${body}${valid ? checksum : checksum.slice(0, -1) + (checksum.endsWith('0') ? '1' : '0')}`;
}

/** A JWT with the given algorithm, a random subject and expiry, and a random signature of the right length. */
export function randomJwt(alg: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signature = randomBytes(alg.startsWith('RS') ? 256 : 32).toString('base64url');
  return `${part({ alg, typ: 'JWT' })}.${part({ sub: randomUUID(), iat: 1_700_000_000 + randomInt(1_000_000), exp: 1_900_000_000 })}.${signature}`;
}

const GENERATORS: Record<string, (arg: string) => string> = {
  rand: (n) => randomAlnum(Number(n)),
  hex: (n) => randomHex(Number(n)),
  b64: (n) => randomBase64(Number(n)),
  upper: (n) => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', Number(n)),
  lower: (n) => randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', Number(n)),
  letters: (n) => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', Number(n)),
  digits: (n) => randomFrom('0123456789', Number(n)),
  b64url: (n) => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', Number(n)),
  base32: (n) => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', Number(n)),
  gh: (prefix) => githubStyleToken(prefix),
  ghbad: (prefix) => githubStyleToken(prefix, false),
  cf: (prefix) => cloudflareStyleToken(prefix),
  basic: (user) => Buffer.from(`${user}:${randomAlnum(20)}`).toString('base64'),
  cfbad: (prefix) => cloudflareStyleToken(prefix, false),
  pem: (type) => pemBlock(type),
  age: (n) => randomFrom('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', Number(n)),
  uuid: () => randomUUID(),
  b64of: (text) => Buffer.from(text).toString('base64'),
  jwt: (alg) => randomJwt(alg),
};

/**
 * Fills a rule example's templates with fresh random values: `{{rand:N}}` (letters and digits), `{{hex:N}}`,
 * `{{b64:N}}`, `{{upper:N}}`, `{{lower:N}}`, `{{letters:N}}`, `{{digits:N}}`, `{{b64url:N}}`, `{{base32:N}}`,
 * `{{uuid}}`, `{{gh:ghp}}` (a GitHub-format token with a valid checksum), `{{ghbad:ghp}}` (a wrong one),
 * `{{cf:cfut}}` / `{{cfbad:cfut}}` (the same for Cloudflare's scannable tokens), `{{basic:user}}` (base64 of
 * `user:` and a random password, as HTTP Basic sends it),
 * `{{pem:RSA PRIVATE KEY}}`, `{{jwt:HS256}}` (a well-formed JWT with a random payload and signature), `{{b64of:TEXT}}` (TEXT in base64, after its own templates are filled:
 * `{{b64of:sk_live_{{rand:24}}}}`).
 */
export function expandTemplate(text: string): string {
  // Innermost templates first, so that an outer one (b64of) encodes what the inner ones made.
  const innermost = /\{\{(\w+)(?::([^{}]+))?\}\}/g;
  let out = text;
  for (let round = 0; round < 4 && innermost.test(out); round++) {
    out = out.replace(innermost, (whole, kind: string, arg: string | undefined) => {
      const generate = GENERATORS[kind];
      if (!generate) throw new Error(`unknown example template ${whole}`);
      return generate(arg ?? '');
    });
  }
  // A template left as it was (braces in a b64of's text) would test the plain text, not the encoded one.
  const left = new RegExp(`\\{\\{(?:${Object.keys(GENERATORS).join('|')})\\b`).exec(out);
  if (left) throw new Error(`example template not filled at "${out.slice(left.index, left.index + 40)}": a template's text cannot hold { or }`);
  return out;
}

/** Random keys of the five vendors' shapes: the generator the benchmark corpus uses, under readable names. */
export const key = {
  smartpayLive: keys.spLive,
  smartpayTest: keys.spTest,
  smartpayPublic: keys.spPub,
  accelebitLive: keys.abLive,
  accelebitTest: keys.abTest,
  accelebitPublic: keys.abPub,
  opaque: keys.opaque,
};
