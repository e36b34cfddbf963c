import { engineFindingsRule } from './engine-findings-rule.js';
import { CLIENT_SIDE_RULE_IDS, reportedByItsKind } from './partition.js';

/** Secret keys where a browser or an app can read them: client-side files, public env vars, inlining build configs. */
export const noClientSideSecret = engineFindingsRule(
  'no-client-side-secret',
  'Disallow secret keys in client-side code and in browser-exposed environment variables',
  { clientSide: '{{title}} ({{preview}}). {{remediation}}' },
  (finding) => (CLIENT_SIDE_RULE_IDS.has(finding.ruleId) && reportedByItsKind(finding) ? 'clientSide' : undefined),
);
