import type { Finding, Severity } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import type { ContextLabel } from './classify.js';

/**
 * Rules that need to know where a key stands, not only what it is. Each may take over a finding of the
 * vendor rules — one key stays one finding — giving it its own rule id, message and remedy (the vendor's remedy
 * follows). The severity never drops below the leak's own: a live key in a test is still a leaked live key.
 */
export interface Policy {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  remediation: string;
  applies(finding: Finding, labels: ReadonlySet<ContextLabel>, line: string): boolean;
}

/** Env var prefixes that front-end build tools inline into the bundle: whatever they hold, every visitor can read. */
export const BROWSER_ENV_PREFIX = /(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|GATSBY_|NUXT_PUBLIC_|PUBLIC_)[A-Z0-9_]*/;

const isSecretKey = (f: Finding) => f.keyType?.kind === 'secret';

export const POLICIES: readonly Policy[] = [
  {
    id: 'browser-exposed-secret',
    title: 'Secret key in a browser-exposed environment variable',
    description:
      'A secret key assigned to NEXT_PUBLIC_*, VITE_*, REACT_APP_*, EXPO_PUBLIC_*, GATSBY_*, NUXT_PUBLIC_* or PUBLIC_*: the build inlines it into the client bundle.',
    severity: 'error',
    remediation:
      'Rename the variable without the public prefix and read it only on the server (an API route or backend); give the client a public key or a server endpoint instead.',
    applies: (f, _labels, line) => isSecretKey(f) && new RegExp(`(?:^|[\\s'"{,])${BROWSER_ENV_PREFIX.source}\\s*[=:]`).test(line),
  },
  {
    id: 'client-side-secret',
    title: 'Secret key in client-side code',
    description: 'A secret key in a component, page, bundle, public asset or mobile app source: it ships to every browser or device.',
    severity: 'error',
    remediation:
      'Call the API from your server and give the client only what it may see: a public key (Smartpay pk_…, Accelebit smtgw_pk_…) or a session your backend creates.',
    applies: (f, labels) => isSecretKey(f) && labels.has('client'),
  },
  {
    id: 'committed-env-file',
    title: 'Key in a committed env file',
    description: 'A key in .env, .env.local or .env.production (not an example file): env files hold the real values and must stay out of git.',
    severity: 'error',
    remediation:
      'Untrack the file (git rm --cached <file>), add it to .gitignore, commit an .env.example with placeholders instead, and rotate the key.',
    applies: (_f, labels) => labels.has('env-file'),
  },
  {
    id: 'live-key-in-test',
    title: 'Live key in a test or fixture',
    description: 'Tests and fixtures should use test-mode keys; a live one there moves real money when the suite runs, and is leaked.',
    severity: 'warning',
    remediation: 'Use a test key (sk_test_…, smtgw_sk_test_…) from the environment in tests, and roll the live key.',
    applies: (f, labels) => f.keyType?.mode === 'live' && labels.has('test'),
  },
  {
    id: 'test-key-in-production',
    title: 'Test key in production configuration',
    description: 'A test-mode key in .env.production or a production deploy manifest: payments will not be processed.',
    severity: 'warning',
    remediation: 'Put the live key in the production secret store (not in this file), and keep test keys to development and staging.',
    applies: (f, labels) => f.keyType?.mode === 'test' && labels.has('production'),
  },
];

/** The first policy that applies takes the finding over; otherwise it is returned as it was. */
export function applyPolicies(
  finding: Finding,
  labels: ReadonlySet<ContextLabel>,
  line: string,
  policies: readonly Policy[],
  severityOf: (policy: Policy) => Severity | 'off',
): Finding {
  for (const policy of policies) {
    const severity = severityOf(policy);
    if (severity === 'off' || !policy.applies(finding, labels, line)) continue;
    const strongest = severityRank(severity) >= severityRank(finding.severity) ? severity : finding.severity;
    return {
      ...finding,
      ruleId: policy.id,
      title: policy.title,
      severity: strongest,
      message: finding.vendor ? `${policy.title} (${finding.title})` : policy.title,
      remediation: `${policy.remediation} ${finding.remediation}`,
    };
  }
  return finding;
}
