import { engineFindingsRule } from './engine-findings-rule.js';
import { reportedByItsKind } from './partition.js';

/** A key in a URL's api_key parameter: a literal one is a leak; one from the environment leaks into logs. */
export const noKeyInUrl = engineFindingsRule(
  'no-key-in-url',
  'Disallow API keys in URL query strings',
  {
    literalKey: '{{title}} ({{preview}}). {{remediation}}',
    keyFromEnv: 'Key hygiene: {{title}} ({{preview}}). {{remediation}}',
  },
  (finding) =>
    !reportedByItsKind(finding) ? undefined : finding.ruleId === 'smartlead-api-key-query' ? 'literalKey' : finding.ruleId === 'key-in-url-from-env' ? 'keyFromEnv' : undefined,
);
