import { engineFindingsRule } from './engine-findings-rule.js';
import { belongsToSecretWarning } from './partition.js';

/**
 * The findings the CLI grades below error — a test key outside client code, a key from the environment put in a URL,
 * a build config that inlines a secret, a rule a config re-graded — under one rule, so that the recommended config
 * shows them as warnings, as `keyward scan` does, and the strict config raises them to errors.
 */
export const secretWarning = engineFindingsRule(
  'secret-warning',
  'Report the findings keyward grades as warnings (test keys, keys put in URLs from the environment, build configs inlining secrets)',
  { warning: '{{title}} ({{preview}}). {{remediation}}' },
  (finding) => (belongsToSecretWarning(finding) ? 'warning' : undefined),
);
