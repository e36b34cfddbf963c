/**
 * Recognises strings that sit where a key would but are not one: placeholders, env lookups, redacted values.
 * Documentation samples and the user's allowlist are checked by the detector, which holds those lists.
 */

export type NotAKeyReason = 'placeholder' | 'env-lookup' | 'redacted' | 'repetitive' | 'name';

const ENV_LOOKUP =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\b|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|env\(|Deno\.env|Bun\.env|secrets\.|vars\.|\$\{\{|\$[A-Z_][A-Z0-9_]*$|%[A-Z_][A-Z0-9_]*%$)/i;

/** Case-sensitive and long on purpose: `XxXx` and `xxxx` turn up in random keys, `xxxxxx` is someone's mask. */
const REDACTED = /…|\.\.\.|\*{3}|•|x{6,}|X{6,}|\[redacted\]|<redacted>|REDACTED/;

/** Words that make a value a placeholder wherever they stand in it. */
const PLACEHOLDER_MARKERS = new Set([
  'your', 'yours', 'example', 'examples', 'sample', 'placeholder', 'dummy', 'changeme', 'lorem', 'ipsum',
  'redacted', 'foobar', 'insert', 'replace', 'todo', 'fixme', 'fake',
]);

/** Words a placeholder is made of (`my_api_key_here`, `SECRET_KEY`); a value made only of them is not a key. */
const PLACEHOLDER_VOCABULARY = new Set([
  ...PLACEHOLDER_MARKERS,
  'my', 'me', 'the', 'this', 'some', 'here', 'goes', 'put', 'with', 'not', 'real', 'own', 'new', 'value',
  'key', 'keys', 'api', 'apikey', 'secret', 'secrets', 'token', 'tokens', 'password', 'pass', 'private', 'public',
  'access', 'auth', 'client', 'app', 'id', 'live', 'test', 'prod', 'production', 'dev', 'development', 'staging',
  'sandbox', 'sk', 'pk', 'rk', 'smtgw', 'bearer', 'change', 'default', 'string',
]);

/** Template syntax: `${VAR}`, `{{ var }}`, `<API_KEY>`, `%(key)s`, `#{key}`. */
const TEMPLATE = /[<>{}]|\$\(|%\(|%s\b|#\{/;

/** `your_api_key`, `SECRET_KEY`, `api-key-goes-here`: words joined by separators, not random characters. */
const JOINED_WORDS = /^(?:[a-z]+(?:[_-][a-z]+)+|[A-Z]+(?:[_-][A-Z]+)+)$/;

/** The vendor prefixes keyward knows, stripped before judging the random part of a key. */
const KEY_PREFIX = /^(?:smtgw_)?(?:sk|pk|rk)_(?:live|test)_|^smtgw_pk_/;

export function whyNotAKey(secret: string): NotAKeyReason | undefined {
  if (ENV_LOOKUP.test(secret)) return 'env-lookup';
  if (REDACTED.test(secret)) return 'redacted';
  if (TEMPLATE.test(secret) || isPlaceholderWords(secret)) return 'placeholder';
  const body = secret.replace(KEY_PREFIX, '');
  if (JOINED_WORDS.test(body)) return 'placeholder';
  if (isAName(body)) return 'name';
  if (isRepetitive(body)) return 'repetitive';
  return undefined;
}

/**
 * The name of a secret rather than its value (`LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"`, a vault path's last part):
 * three or more parts of one case joined by `-` or `_`, each a word: mostly letters, 16 at most. A UUID, a grouped licence key or a key with a word prefix has
 * parts of hex or digits, and is not one.
 */
function isAName(value: string): boolean {
  if (!/^(?:[A-Z0-9]+(?:[-_][A-Z0-9]+){2,}|[a-z0-9]+(?:[-_][a-z0-9]+){2,})$/.test(value)) return false;
  return value.split(/[-_]/).every((part) => part.length >= 2 && part.length <= 16 && part.replace(/[^A-Za-z]/g, '').length / part.length >= 0.75 && !/^[a-f0-9]+$/i.test(part));
}

/**
 * Judges words, not substrings, so that random keys are never mistaken: a marker word (`example`) counts only as a
 * token between separators (`sk_test_example_key`), and a value counts as made of placeholder vocabulary only when
 * it is mostly letters and every word of it, camelCase split too (`yourApiKey`), is in the vocabulary.
 * `…lOREMAy…` or `…3YourQ7…` inside a random key is then no word at all.
 */
function isPlaceholderWords(value: string): boolean {
  const tokens = value.toLowerCase().split(/[^a-z0-9]+/);
  if (tokens.some((token) => PLACEHOLDER_MARKERS.has(token))) return true;
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  if (letters < value.length / 2) return false;
  const words = value
    .split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter((word) => word.length >= 2)
    .map((word) => word.toLowerCase());
  // The words must make up the value's letters, not a prefix of them: access-production-<uuid> has random letters too.
  const inWords = words.reduce((sum, word) => sum + word.length, 0);
  return words.length > 0 && inWords >= letters * 0.8 && words.every((word) => PLACEHOLDER_VOCABULARY.has(word));
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
  // A long key typed by hand (`abc123xyz-456def789ghij-klmnop…`) is half runs; a random one of 40 characters or more
  // stays under a third (measured over 200,000 random base62 and hex strings), shorter ones vary more.
  return stepped / (lower.length - 1) >= (lower.length >= 40 ? 0.5 : 0.6);
}
