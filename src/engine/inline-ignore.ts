/**
 * Inline suppression, as a comment in any language:
 *   `keyward-ignore` on the line itself, or `keyward-ignore-next-line` on the line above,
 *   each optionally followed by the rule ids it covers: `keyward-ignore: generic-api-key, smartpay-test-secret-key`.
 */
const DIRECTIVE = /keyward-ignore(-next-line)?(?:[:\s]\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))?/g;

export function isSuppressed(ruleId: string, line: string, previousLine: string | undefined): boolean {
  return covers(line, ruleId, false) || (previousLine !== undefined && covers(previousLine, ruleId, true));
}

function covers(line: string, ruleId: string, nextLine: boolean): boolean {
  if (!line.includes('keyward-ignore')) return false;
  for (const m of line.matchAll(DIRECTIVE)) {
    if (Boolean(m[1]) !== nextLine) continue;
    const ids = m[2]?.split(',').map((id) => id.trim());
    // Words after the directive that are not rule ids (a reason in prose) leave it covering every rule.
    if (!ids || !ids.some((id) => id.includes('-'))) return true;
    if (ids.includes(ruleId)) return true;
  }
  return false;
}
