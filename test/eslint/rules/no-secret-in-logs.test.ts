import { noSecretInLogs } from '../../../src/eslint/rules/no-secret-in-logs.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('no-secret-in-logs', noSecretInLogs, {
  valid: [
    { code: 'console.log("order created", order.id);', filename: 'server/a.ts' },
    { code: 'logger.info({ userId, amount });', filename: 'server/a.ts' },
    { code: 'console.log(`key ends with ${mask(apiKey)}`);', filename: 'server/a.ts' },
    { code: 'console.log(tokenizer.count, isSecretShown);', filename: 'server/a.ts' },
    { code: 'console.log(apiKey); // keyward-ignore: no-secret-in-logs', filename: 'server/a.ts' },
    { code: 'const key = item.id;\nconsole.log("item", key);', filename: 'server/a.ts' },
  ],
  invalid: [
    { code: 'console.log("key", apiKey);', filename: 'server/a.ts', errors: [{ messageId: 'logged', data: { what: 'apiKey' } }] },
    { code: 'logger.info({ apiKey, amount });', filename: 'server/a.tsx', errors: [{ messageId: 'logged' }] },
    { code: 'console.error(`calling with ${process.env.ACCELEBIT_SECRET_KEY}`);', filename: 'server/a.ts', errors: [{ messageId: 'logged' }] },
    { code: 'log.debug("config", JSON.stringify({ ...config, clientSecret: config.clientSecret }));', filename: 'server/a.ts', errors: [{ messageId: 'logged' }] },
    { code: 'this.logger.warn("retrying with " + this.accessToken);', filename: 'server/a.ts', errors: [{ messageId: 'logged' }] },
    { code: 'const key = process.env.ACCELEBIT_SECRET_KEY;\nconsole.log("using", key);', filename: 'server/a.ts', errors: [{ messageId: 'logged', line: 2 }] },
  ],
});
