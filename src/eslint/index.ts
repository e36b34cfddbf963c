/**
 * eslint-plugin-keyward, exported as `keyward/eslint`: keyward's engine in the editor. The rules feed the file to
 * the same detector, rule packs, context classifier and .keyward.yml as the CLI, and add what needs syntax.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { packageVersion } from '../package-root.js';
import { noClientSideSecret } from './rules/no-client-side-secret.js';
import { noHardcodedSecret } from './rules/no-hardcoded-secret.js';
import { noKeyInUrl } from './rules/no-key-in-url.js';
import { noSecretInLogs } from './rules/no-secret-in-logs.js';
import { requireHttps } from './rules/require-https.js';
import { requireIdempotencyKey } from './rules/require-idempotency-key.js';
import { secretWarning } from './rules/secret-warning.js';
import { typescriptParser } from './typescript-parser.js';

const rules: Record<string, Rule.RuleModule> = {
  'no-hardcoded-secret': noHardcodedSecret,
  'no-client-side-secret': noClientSideSecret,
  'no-key-in-url': noKeyInUrl,
  'require-https': requireHttps,
  'require-idempotency-key': requireIdempotencyKey,
  'no-secret-in-logs': noSecretInLogs,
  'secret-warning': secretWarning,
};

const FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];

const plugin: ESLint.Plugin & { configs: Record<'recommended' | 'strict', Linter.Config> } = {
  meta: { name: 'keyward', version: packageVersion() },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
};

const languageOptions: Linter.Config['languageOptions'] = {
  parser: typescriptParser(),
  parserOptions: { ecmaFeatures: { jsx: true }, ecmaVersion: 'latest', sourceType: 'module' },
};

/**
 * Leaks are errors; what the CLI grades as a warning (secret-warning) and hygiene (logs, idempotency) warn, so that
 * the editor and `keyward scan` grade every finding alike. Each config registers the plugin itself.
 */
plugin.configs.recommended = {
  name: 'keyward/recommended',
  files: FILES,
  plugins: { keyward: plugin },
  languageOptions,
  rules: {
    'keyward/no-hardcoded-secret': 'error',
    'keyward/no-client-side-secret': 'error',
    'keyward/no-key-in-url': 'error',
    'keyward/require-https': 'warn',
    'keyward/require-idempotency-key': 'warn',
    'keyward/no-secret-in-logs': 'warn',
    'keyward/secret-warning': 'warn',
  },
};

/** Every rule an error. */
plugin.configs.strict = {
  ...plugin.configs.recommended,
  name: 'keyward/strict',
  rules: Object.fromEntries(Object.keys(rules).map((name) => [`keyward/${name}`, 'error'])),
};

export default plugin;
