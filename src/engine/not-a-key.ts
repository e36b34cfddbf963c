/**
 * Recognises strings that sit where a key would but are not one: placeholders, env lookups, redacted values.
 * Documentation samples and the user's allowlist are checked by the detector, which holds those lists.
 */

export type NotAKeyReason = 'placeholder' | 'env-lookup' | 'redacted' | 'repetitive';

const ENV_LOOKUP =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\b|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|env\(|Deno\.env|Bun\.env|secrets\.|vars\.|\$\{\{|\$[A-Z_][A-Z0-9_]*$|%[A-Z_][A-Z0-9_]*%$)/i;

const REDACTED = /…|\.\.\.|\*{3}|•|x{4,}|\[redacted\]|<redacted>|\bredacted\b/i;

const PLACEHOLDER_WORDS =
  /(?:your|my)[_-]?(?:own[_-]?)?(?:secret|api|live|test|private|access)?[_-]?(?:key|token|secret)|example|sample|placeholder|dummy|change[_-]?me|replace[_-]?(?:me|with|this)|insert[_-]?(?:your|key|here)|(?:key|token|secret)[_-]?here|lorem|foobar|not[_-]?a[_-]?(?:real[_-]?)?(?:key|secret)/i;

/** Template syntax: `${VAR}`, `{{ var }}`, `<API_KEY>`, `%(key)s`, `#{key}`. */
const TEMPLATE = /[<>{}]|\$\(|%\(|%s\b|#\{/;

/** `your_api_key`, `SECRET_KEY`, `api-key-goes-here`: words joined by separators, not random characters. */
const JOINED_WORDS = /^(?:[a-z]+(?:[_-][a-z]+)+|[A-Z]+(?:[_-][A-Z]+)+)$/;

/** The vendor prefixes keyward knows, stripped before judging the random part of a key. */
const KEY_PREFIX = /^(?:smtgw_)?(?:sk|pk|rk)_(?:live|test)_|^smtgw_pk_/;

export function whyNotAKey(secret: string): NotAKeyReason | undefined {
  if (ENV_LOOKUP.test(secret)) return 'env-lookup';
  if (REDACTED.test(secret)) return 'redacted';
  if (TEMPLATE.test(secret) || PLACEHOLDER_WORDS.test(secret)) return 'placeholder';
  const body = secret.replace(KEY_PREFIX, '');
  if (JOINED_WORDS.test(body)) return 'placeholder';
  if (isRepetitive(body)) return 'repetitive';
  return undefined;
}

/** `aaaaaaaa`, `abababab`, `12345678`, `abcdefgh`: few distinct characters, or mostly runs of neighbours. */
export function isRepetitive(body: string): boolean {
  if (body.length < 6) return true;
  if (new Set(body.toLowerCase()).size <= Math.min(3, body.length / 3)) return true;
  let stepped = 0;
  const lower = body.toLowerCase();
  for (let i = 1; i < lower.length; i++) {
    const step = lower.charCodeAt(i) - lower.charCodeAt(i - 1);
    if (step === 0 || step === 1 || step === -1) stepped++;
  }
  return stepped / (lower.length - 1) >= 0.6;
}
