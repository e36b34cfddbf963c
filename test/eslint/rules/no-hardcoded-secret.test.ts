import { noHardcodedSecret } from '../../../src/eslint/rules/no-hardcoded-secret.js';
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
      code: `const k = "${live}";`,
      filename: 'server/pay.ts',
      errors: [
        {
          messageId: 'secret',
          suggestions: [{ messageId: 'useEnv', data: { envVar: 'SMARTPAY_SECRET_KEY' }, output: 'const k = process.env.SMARTPAY_SECRET_KEY;' }],
        },
      ],
    },
    {
      code: `const k: string = "sk_live_" + "${body}";`,
      filename: 'server/pay.ts',
      errors: [{ messageId: 'secret', suggestions: [{ messageId: 'useEnv', output: 'const k: string = process.env.SMARTPAY_SECRET_KEY;' }] }],
    },
    {
      code: 'const k = `sk_live_${"' + body + '"}`;',
      filename: 'server/pay.ts',
      errors: [{ messageId: 'secret', suggestions: [{ messageId: 'useEnv', output: 'const k = process.env.SMARTPAY_SECRET_KEY;' }] }],
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
