/**
 * Redacted previews: enough to recognise a key (its vendor prefix and last four characters),
 * never enough to use it.
 */
const KNOWN_PREFIX = /^(?:[a-z]{1,8}_){1,3}/i;

export function redact(secret: string): string {
  const prefix = secret.match(KNOWN_PREFIX)?.[0] ?? '';
  const body = secret.slice(prefix.length);
  // A short body would be half revealed by its last four characters: show less of it.
  const tailLength = body.length >= 16 ? 4 : body.length >= 8 ? 2 : 0;
  return `${prefix}…${tailLength ? body.slice(-tailLength) : ''}`;
}
