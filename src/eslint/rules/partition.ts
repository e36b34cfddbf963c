/**
 * Which plugin rule reports which engine finding. Every finding of the engine belongs to exactly one plugin rule,
 * so that a leak is reported once in the editor, as it is once by the CLI.
 */
export const CLIENT_SIDE_RULE_IDS = new Set(['client-side-secret', 'browser-exposed-secret', 'browser-exposed-secret-env', 'build-config-inlines-secret']);
export const URL_RULE_IDS = new Set(['smartlead-api-key-query', 'key-in-url-from-env']);
export const HTTPS_RULE_IDS = new Set(['insecure-http-with-key', 'insecure-base-url-with-key']);

/**
 * Findings no plugin rule reports: an unused `keyward-ignore` is the CLI's to report (ESLint has its own notion), and
 * a POST without an Idempotency-Key is the AST rule require-idempotency-key's in the editor.
 */
export const CLI_ONLY_RULE_IDS = new Set(['unused-inline-ignore', 'accelebit-post-without-idempotency-key']);

export function belongsToHardcodedSecret(ruleId: string): boolean {
  return !CLIENT_SIDE_RULE_IDS.has(ruleId) && !URL_RULE_IDS.has(ruleId) && !HTTPS_RULE_IDS.has(ruleId) && !CLI_ONLY_RULE_IDS.has(ruleId);
}

/**
 * The CLI grades some findings below error — a test key, a key from the environment put in a URL, a build config that
 * inlines a secret — and ESLint has one level per rule: those go to `secret-warning` (warn in the recommended config),
 * the errors to the rule of their kind, so that the editor and the CLI grade every finding alike. require-https keeps
 * its own findings (it is a hygiene rule, warn already).
 */
export function belongsToSecretWarning(finding: { ruleId: string; severity: string }): boolean {
  return finding.severity !== 'error' && !CLI_ONLY_RULE_IDS.has(finding.ruleId) && !HTTPS_RULE_IDS.has(finding.ruleId);
}

/** Whether the rule of a finding's kind reports it: its errors, and whatever require-https owns. */
export function reportedByItsKind(finding: { ruleId: string; severity: string }): boolean {
  return !belongsToSecretWarning(finding);
}
