import { secretWarning } from '../../../src/eslint/rules/secret-warning.js';
import { key } from '../../helpers/keys.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('secret-warning', secretWarning, {
  valid: [
    // Errors belong to the rule of their kind: a live key, a test key in client code.
    { code: `const k = "${key.accelebitLive()}";`, filename: 'server/pay.ts' },
    { code: `'use client';\nconst k = '${key.smartpayTest()}';`, filename: 'src/lib/checkout.ts' },
    { code: 'const k = process.env.SMARTPAY_SECRET_KEY;', filename: 'server/pay.ts' },
  ],
  invalid: [
    { code: `const k = "${key.accelebitTest()}";`, filename: 'server/pay.ts', errors: [{ messageId: 'warning', line: 1, column: 12 }] },
    {
      code: 'const url = `https://server.smartlead.ai/api/v1/campaigns/?api_key=${process.env.SMARTLEAD_API_KEY}`;',
      filename: 'server/leads.ts',
      errors: [{ messageId: 'warning' }],
    },
  ],
});
