import { engineFindingsRule } from './engine-findings-rule.js';

/** A key in a URL's api_key parameter: a literal one is a leak; one from the environment leaks into logs. */
export const noKeyInUrl = engineFindingsRule(
  'no-key-in-url',
  'Disallow API keys in URL query strings',
  {
    literalKey: '{{title}} ({{preview}}). {{remediation}}',
    keyFromEnv: 'Key hygiene: {{title}} ({{preview}}). {{remediation}}',
  },
  (ruleId) => (ruleId === 'smartlead-api-key-query' ? 'literalKey' : ruleId === 'key-in-url-from-env' ? 'keyFromEnv' : undefined),
);
