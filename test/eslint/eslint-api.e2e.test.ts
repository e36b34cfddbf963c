import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** The plugin as users get it: the built `keyward/eslint` export. */
async function builtPlugin(): Promise<{ configs: { recommended: Linter.Config; strict: Linter.Config } }> {
  return (await import(pathToFileURL(join(packageRoot(), 'dist/bundle/eslint.js')).href)).default;
}

describe('keyward/eslint with the real ESLint API and a flat config', () => {
  it('reports what the fixture project plants, and honours .keyward.yml and keyward-ignore', async () => {
    const plugin = await builtPlugin();
    const root = tempTree({
      '.keyward.yml': 'ignore: ["legacy/**"]\nrules:\n  bearer-token: off\n',
      'app/checkout/page.tsx': `'use client';\nexport default function Page() {\n  return <Pay secret="${key.smartpayLive()}" />;\n}\n`,
      'server/pay.ts': [
        `const key = "${key.accelebitLive()}";`,
        "export const pay = () => fetch('https://api.gateway.accelebit.com/v1/payments', { method: 'POST', headers: { 'X-API-Key': key } });",
        'console.log("paying with", key);',
        `const token = "Bearer ${key.opaque()}"; const h = { Authorization: token };`,
        `const ignored = "${key.smartpayLive()}"; // keyward-ignore`,
        '',
      ].join('\n'),
      'legacy/old.ts': `export const k = "${key.smartpayLive()}";\n`,
    });
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const results = await eslint.lintFiles(['**/*.{ts,tsx}']);
    const messages = results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId} ${m.severity}`))
      .sort();
    expect(messages).toEqual([
      'app/checkout/page.tsx:3 keyward/no-client-side-secret 2',
      'server/pay.ts:1 keyward/no-hardcoded-secret 2',
      'server/pay.ts:2 keyward/require-idempotency-key 1',
      'server/pay.ts:3 keyward/no-secret-in-logs 1',
    ]);
    for (const result of results) expect(result.messages.every((m) => !m.fatal)).toBe(true);
  });

  it('grades every finding as the CLI does, at the CLI\'s line and column, and strict raises the warnings', async () => {
    const plugin = await builtPlugin();
    const root = tempTree({
      'server/pay.ts': `export const live = "${key.accelebitLive()}";\nexport const test = "${key.accelebitTest()}";\n`,
      'server/leads.ts': 'export const url = `https://server.smartlead.ai/api/v1/campaigns/?api_key=${process.env.SMARTLEAD_API_KEY}`;\n',
    });
    const cli = JSON.parse(runCli(['scan', '.', '-f', 'json'], { cwd: root }).stdout) as { findings: Array<{ severity: string; location: { path: string; line: number; column: number } }> };
    const level = { error: 2, warning: 1, info: 1 } as Record<string, number>;
    const fromCli = cli.findings.map((f) => `${f.location.path}:${f.location.line}:${f.location.column} ${level[f.severity]}`).sort();
    const lint = async (config: Linter.Config) =>
      (await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [config] }).lintFiles(['server/*.ts']))
        .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.severity}`))
        .sort();
    // The CLI: the key from env in a URL and the test key are warnings, the live key an error.
    expect(fromCli.map((m) => m.replace(/:\d+ /, ' '))).toEqual(['server/leads.ts:1 1', 'server/pay.ts:1 2', 'server/pay.ts:2 1']);
    expect(await lint(plugin.configs.recommended)).toEqual(fromCli);
    expect(await lint(plugin.configs.strict)).toEqual(fromCli.map((m) => m.replace(/ 1$/, ' 2')));
  });

  it('makes every rule an error in the strict config', async () => {
    const plugin = await builtPlugin();
    const root = tempTree({ 'server/log.ts': 'console.log(apiKey);\n' });
    const [result] = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.strict] }).lintFiles(['server/log.ts']);
    expect(result!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['keyward/no-secret-in-logs', 2]]);
  });
});
