import { requireIdempotencyKey } from '../../../src/eslint/rules/require-idempotency-key.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const URL = "'https://api.gateway.accelebit.com/v1/payments'";

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { code: `fetch(${URL}, { method: 'POST', headers: { 'X-API-Key': k, 'Idempotency-Key': crypto.randomUUID() } });`, filename: 'server/pay.ts' },
    { code: `fetch(${URL}, { method: 'GET', headers: { 'X-API-Key': k } });`, filename: 'server/pay.ts' },
    { code: "fetch('https://api.example.com/v1/orders', { method: 'POST', headers: {} });", filename: 'server/pay.ts' },
    { code: `axios.post(${URL}, body, { headers: { 'idempotency-key': id } });`, filename: 'server/pay.ts' },
    { code: `fetch(${URL}, { method: 'POST', headers }); // built elsewhere`, filename: 'server/pay.ts' },
  ],
  invalid: [
    {
      code: `fetch(${URL}, { method: 'POST', headers: { 'X-API-Key': k } });`,
      filename: 'server/pay.ts',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addKey', output: `fetch(${URL}, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID(), 'X-API-Key': k } });` }] }],
    },
    {
      code: `await axios.post(${URL}, body);`,
      filename: 'server/pay.tsx',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addKey', output: `await axios.post(${URL}, body, { headers: { 'Idempotency-Key': crypto.randomUUID() } });` }] }],
    },
    {
      code: 'await got.post(`https://api.gateway.accelebit.com/v1/refunds/${id}`, { json: body });',
      filename: 'server/refund.ts',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addKey', output: "await got.post(`https://api.gateway.accelebit.com/v1/refunds/${id}`, { headers: { 'Idempotency-Key': crypto.randomUUID() }, json: body });" }] }],
    },
    {
      code: `ky.post(${URL});`,
      filename: 'server/pay.ts',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addKey', output: `ky.post(${URL}, { headers: { 'Idempotency-Key': crypto.randomUUID() } });` }] }],
    },
    {
      code: `axios({ method: 'post', url: ${URL}, data: body });`,
      filename: 'server/pay.ts',
      errors: [{ messageId: 'missing', suggestions: [{ messageId: 'addKey', output: `axios({ headers: { 'Idempotency-Key': crypto.randomUUID() }, method: 'post', url: ${URL}, data: body });` }] }],
    },
  ],
});
