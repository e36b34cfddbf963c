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
