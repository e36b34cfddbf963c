import { shannonEntropy } from './entropy.js';
import { isRepetitive, whyNotAKey } from './not-a-key.js';
import { redact } from './redact.js';

/**
 * A snippet shows the line around a finding, and a line often holds more than the key a rule matched: the AWS
 * secret beside its access key ID, a password in the same connection string. Whatever on the line looks like a
 * credential is redacted too, whether or not a rule knows its format: a long random-looking token, or the value of
 * a name that says it is secret.
 */

/** Runs of the characters keys are made of, with base64 padding ('.' and '=' split: domain names, JWT segments and assignments are judged part by part). */
const TOKEN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** `password = hunter2`, `"apiToken": "…"`, `DB_PASS=…`: the value after a secret-sounding name. */
const SECRET_ASSIGNMENT =
  /([A-Za-z0-9_.-]*(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|auth)[A-Za-z0-9_.-]*)(["'`]?\s*(?:=|:=|=>|:)\s*)(["'`]?)([^\s"'`,;)}\]]{4,})/gi;

/** `accessToken`, `req.body.password`, `this.apiKey`: a reference to a value, not one. */
const CODE_REFERENCE = /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[a-z_$][a-z0-9_$]*[A-Z][\w$]*)$/;

/** Values that follow a secret-sounding name without being secrets. */
const NOT_VALUES = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'required', 'optional', 'string', 'number', 'boolean']);

/** Whether a token has the shape of a random credential rather than a word, an identifier or a path. */
export function looksLikeCredential(token: string): boolean {
  if (token.length < 16 || isRepetitive(token)) return false;
  const hasDigit = /\d/.test(token);
  const hasLetter = /[A-Za-z]/.test(token);
  const entropy = shannonEntropy(token);
  // Hex has 16 symbols: a random 40-digit hex string is under 3.5 bits a character one time in twenty.
  if (hasDigit && hasLetter) return entropy >= (/^[0-9a-f]+$/i.test(token) ? 3.0 : 3.5);
  // Letters only: a random key in mixed case (camelCase identifiers stay under this).
  return hasLetter && token.length >= 24 && /[a-z]/.test(token) && /[A-Z]/.test(token) && entropy >= 4.3;
}

/** A value assigned to a secret-sounding name is a secret unless it is a lookup, a placeholder or a keyword. */
function isAssignedSecret(value: string, quoted: boolean): boolean {
  if (value.includes('…') || NOT_VALUES.has(value.toLowerCase()) || whyNotAKey(value)) return false;
  // Unquoted, a member access or a camelCase name is code (`token: accessToken`, `password=req.body.password`);
  // anything else is a value, as in .env and YAML files (`DB_PASSWORD=hunter22`, `password: letmein`).
  return quoted || !CODE_REFERENCE.test(value);
}

/** `text` with every credential-looking token, and every value of a secret-sounding name, redacted. */
export function redactLooseSecrets(text: string): string {
  const assigned = text.replace(SECRET_ASSIGNMENT, (whole, name: string, operator: string, quote: string, value: string) =>
    isAssignedSecret(value, quote !== '') ? `${name}${operator}${quote}${redact(value)}` : whole,
  );
  return assigned.replace(TOKEN, (token) => (looksLikeCredential(token) ? redact(token) : token));
}
