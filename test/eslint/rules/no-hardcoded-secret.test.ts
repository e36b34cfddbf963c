import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { noHardcodedSecret } from '../../../src/eslint/rules/no-hardcoded-secret.js';
import { runCli } from '../../helpers/cli.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { key, randomAlnum } from '../../helpers/keys.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const live = key.smartpayLive();
const accelebit = key.accelebitLive();
const body = randomAlnum(24);

ruleTester.run('no-hardcoded-secret', noHardcodedSecret, {
  valid: [
    { code: 'const key = process.env.SMARTPAY_SECRET_KEY;', filename: 'server/pay.ts' },
    { code: `const pk = "${key.smartpayPublic()}";\nexport const Pay = () => <div data-pk={pk} />;`, filename: 'components/Pay.tsx' },
    { code: 'const sample = "sk_test_Ho1BrYTcg3gAX4vTKk1taz";', filename: 'server/docs.ts' },
    { code: `const k = "${live}"; // keyward-ignore`, filename: 'server/pay.ts' },
    { code: 'const prefix = "sk_live_" + version;', filename: 'server/pay.ts' },
  ],
  invalid: [
    {
      // At the key itself, the column the CLI reports (12), not the quote before it: 'const k = "' is 11 characters.
      code: `const k = "${live}";`,
      filename: 'server/pay.ts',
      errors: [
        {
          messageId: 'secret',
          line: 1,
          column: 12,
          endColumn: 12 + live.length,
          // No import or hostname says whose sk_live_ key this is: a name that favours no vendor.
          suggestions: [{ messageId: 'useEnv', data: { envVar: 'API_SECRET_KEY' }, output: 'const k = process.env.API_SECRET_KEY;' }],
        },
      ],
    },
    {
      // The file says it is Smartpay's key: Smartpay's variable.
      code: `import { Smartpay } from 'smartpay';\nconst client = new Smartpay("${live}");`,
      filename: 'server/pay.ts',
      errors: [
        {
          messageId: 'secret',
          suggestions: [
            { messageId: 'useEnv', data: { envVar: 'SMARTPAY_SECRET_KEY' }, output: "import { Smartpay } from 'smartpay';\nconst client = new Smartpay(process.env.SMARTPAY_SECRET_KEY);" },
          ],
        },
      ],
    },
    {
      code: `const k: string = "sk_live_" + "${body}";`,
      filename: 'server/pay.ts',
      errors: [{ messageId: 'secret', suggestions: [{ messageId: 'useEnv', output: 'const k: string = process.env.API_SECRET_KEY;' }] }],
    },
    {
      code: 'const k = `sk_live_${"' + body + '"}`;',
      filename: 'server/pay.ts',
      errors: [{ messageId: 'secret', suggestions: [{ messageId: 'useEnv', output: 'const k = process.env.API_SECRET_KEY;' }] }],
    },
    {
      code: `export const Mail = () => <Gateway apiKey="${accelebit}" />;`,
      filename: 'server/mail.tsx',
      errors: [
        {
          messageId: 'secret',
          suggestions: [{ messageId: 'useEnv', output: 'export const Mail = () => <Gateway apiKey={process.env.ACCELEBIT_SECRET_KEY} />;' }],
        },
      ],
    },
    {
      code: `const client = { headers: { 'x-api-key': '${key.opaque()}' } };`,
      filename: 'server/retry.ts',
      errors: [{ messageId: 'secret', suggestions: [{ messageId: 'useEnv', output: "const client = { headers: { 'x-api-key': process.env.SMARTRETRY_API_KEY } };" }] }],
    },
  ],
});

describe('no-hardcoded-secret and the CLI', () => {
  it('eslint: reports the same line and column as the CLI for the same file', async () => {
    const code = `import { Smartpay } from 'smartpay';\n\nexport const client = new Smartpay({ apiKey: "${live}" });\n`;
    const root = tempTree({ 'server/pay.ts': code });
    const cli = JSON.parse(runCli(['scan', '-f', 'json'], { cwd: root }).stdout).findings[0].location;
    const linter = new Linter({ configType: 'flat', cwd: root });
    const [message] = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { keyward: { rules: { 'no-hardcoded-secret': noHardcodedSecret } } }, rules: { 'keyward/no-hardcoded-secret': 'error' } }], join(root, 'server/pay.ts'));
    expect({ line: message!.line, column: message!.column, endColumn: message!.endColumn }).toEqual({ line: cli.line, column: cli.column, endColumn: cli.endColumn });
  });
});
