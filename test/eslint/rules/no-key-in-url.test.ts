import { noKeyInUrl } from '../../../src/eslint/rules/no-key-in-url.js';
import { randomAlnum } from '../../helpers/keys.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('no-key-in-url', noKeyInUrl, {
  valid: [
    { code: 'await fetch(url, { method: "POST", body: JSON.stringify({ api_key: process.env.SMARTLEAD_API_KEY }) });', filename: 'server/leads.ts' },
    { code: 'const url = "https://server.smartlead.ai/api/v1/campaigns/?api_key=YOUR_API_KEY";', filename: 'server/leads.ts' },
    // A key from env in a URL is a warning in the CLI: keyward/secret-warning reports it.
    { code: 'const url = `https://server.smartlead.ai/api/v1/campaigns/?api_key=${process.env.SMARTLEAD_API_KEY}`;', filename: 'server/leads.tsx' },
  ],
  invalid: [
    { code: `const url = "https://server.smartlead.ai/api/v1/campaigns/?api_key=${randomAlnum(36)}";`, filename: 'server/leads.ts', errors: [{ messageId: 'literalKey' }] },
  ],
});
