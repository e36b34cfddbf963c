import { requireHttps } from '../../../src/eslint/rules/require-https.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('require-https', requireHttps, {
  valid: [
    { code: "fetch('https://api.smartretry.com/v1/payments', { headers: { 'x-api-key': key } });", filename: 'server/retry.ts' },
    { code: "fetch('http://localhost:3000/api', {\n  headers: { Authorization: `Bearer ${token}` },\n});", filename: 'server/dev.ts' },
    { code: "fetch('http://example.com/page.html');", filename: 'server/page.ts' },
  ],
  invalid: [
    { code: "fetch('http://api.smartretry.com/v1/payments', { headers: { 'x-api-key': key } });", filename: 'server/retry.ts', errors: [{ messageId: 'insecure' }] },
    {
      code: "await axios.post('http://api.gateway.accelebit.com/v1/payments', body, {\n  headers: { 'X-API-Key': process.env.ACCELEBIT_SECRET_KEY },\n});",
      filename: 'server/pay.tsx',
      errors: [{ messageId: 'insecureCall', line: 1 }],
    },
  ],
});
