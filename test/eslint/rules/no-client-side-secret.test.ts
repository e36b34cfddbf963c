import { noClientSideSecret } from '../../../src/eslint/rules/no-client-side-secret.js';
import { key } from '../../helpers/keys.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('no-client-side-secret', noClientSideSecret, {
  valid: [
    { code: `'use client';\nconst pk = '${key.accelebitPublic()}';\nexport default () => <Pay pk={pk} />;`, filename: 'app/checkout/page.tsx' },
    { code: `const k = "${key.smartpayLive()}";`, filename: 'server/pay.ts' },
    { code: 'const k = process.env.ACCELEBIT_SECRET_KEY;', filename: 'app/api/pay/route.ts' },
    // A server component: hard-coded (no-hardcoded-secret says so), but not shipped to the browser.
    { code: `export default function Page() { return <Pay secret="${key.accelebitLive()}" />; }`, filename: 'app/checkout/page.tsx' },
  ],
  invalid: [
    { code: `'use client';\nconst k = '${key.smartpayTest()}';`, filename: 'src/lib/checkout.ts', errors: [{ messageId: 'clientSide', line: 2 }] },
    { code: `'use client';\nexport default function Page() { return <Pay secret="${key.accelebitLive()}" />; }`, filename: 'app/checkout/page.tsx', errors: [{ messageId: 'clientSide' }] },
    { code: 'const k = process.env.NEXT_PUBLIC_ACCELEBIT_SECRET_KEY;', filename: 'lib/pay.ts', errors: [{ messageId: 'clientSide' }] },
  ],
});
