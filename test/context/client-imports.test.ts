import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { clientImportResolver } from '../../src/context/client-imports.js';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** A Next.js App Router app: server pages and layouts, client components, and what each imports. */
function nextApp(): { root: string; keys: Record<string, string> } {
  const keys = { page: key.smartpayLive(), pricing: key.accelebitLive(), types: key.smartpayLive(), action: key.accelebitLive(), dashboard: key.smartpayLive() };
  const root = tempTree({
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { next: '15.0.0', react: '19.0.0' } }),
    // tsconfig.json as create-next-app writes it: comments and trailing commas allowed.
    'tsconfig.json': '{\n  // paths\n  "compilerOptions": {\n    "paths": { "@/*": ["./src/*"], },\n  },\n}\n',
    'src/app/layout.tsx': "import './globals.css';\nexport default function Root({ children }) { return <html>{children}</html>; }\n",
    'src/app/page.tsx': `import { Checkout } from '@/components/checkout';\nconst smartpay = "${keys.page}";\nexport default function Page() { return <Checkout />; }\n`,
    'src/app/dashboard/page.tsx': `'use client';\nconst k = "${keys.dashboard}";\nexport default function Dashboard() { return null; }\n`,
    'src/components/checkout.tsx': "'use client';\nimport { price } from '../lib/pricing';\nimport type { Plan } from '@/lib/types';\nimport { pay } from '@/lib/actions';\nexport function Checkout() { return price; }\n",
    'src/lib/pricing.ts': `import { currency } from './currency.js';\nexport const price = { currency, key: "${keys.pricing}" };\n`,
    'src/lib/currency.ts': "export const currency = 'EUR';\n",
    'src/lib/types.ts': `export type Plan = { key: "${keys.types}" };\n`,
    'src/lib/actions.ts': `'use server';\nexport async function pay() { return fetch('https://api.gateway.accelebit.com', { headers: { 'X-API-Key': "${keys.action}" } }); }\n`,
  });
  return { root, keys };
}

describe('Next.js App Router: what ships to the browser', () => {
  it("follows a 'use client' file's imports (relative, tsconfig aliases, x.js for x.ts), transitively, but not type-only imports or server actions", () => {
    const { root } = nextApp();
    const importedByClient = clientImportResolver(root);
    const client = ['src/components/checkout.tsx', 'src/app/dashboard/page.tsx', 'src/lib/pricing.ts', 'src/lib/currency.ts'];
    const server = ['src/app/page.tsx', 'src/app/layout.tsx', 'src/lib/types.ts', 'src/lib/actions.ts'];
    expect(client.filter((path) => !importedByClient(path))).toEqual([]);
    expect(server.filter((path) => importedByClient(path))).toEqual([]);
  });

  it('says nothing outside a Next.js app', () => {
    const root = tempTree({
      'package.json': JSON.stringify({ name: 'spa', dependencies: { react: '19.0.0' } }),
      'src/a.tsx': "'use client';\nimport { b } from './b';\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    expect(clientImportResolver(root)('src/b.ts')).toBe(false);
  });

  it('the CLI and the ESLint plugin grade each file alike: server pages hard-coded, client code and what it imports client-side', async () => {
    const { root, keys } = nextApp();
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: root });
    const cli = (JSON.parse(run.stdout).findings as Array<{ ruleId: string; location: { path: string } }>).map((f) => `${f.location.path} ${f.ruleId === 'client-side-secret' ? 'client' : 'hard-coded'}`).sort();
    expect(cli).toEqual([
      'src/app/dashboard/page.tsx client',
      'src/app/page.tsx hard-coded',
      'src/lib/actions.ts hard-coded',
      'src/lib/pricing.ts client',
      'src/lib/types.ts hard-coded',
    ]);
    expect(run.stdout).not.toContain(keys.pricing);

    const plugin: { configs: { recommended: Linter.Config } } = (await import(pathToFileURL(join(packageRoot(), 'dist/bundle/eslint.js')).href)).default;
    // ESLint's cwd is the app, this process's is not: as in an editor's ESLint server.
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
    const linted = results
      .flatMap((r) => r.messages.filter((m) => /secret/.test(m.ruleId ?? '')).map((m) => `${r.filePath.slice(root.length + 1)} ${m.ruleId === 'keyward/no-client-side-secret' ? 'client' : 'hard-coded'}`))
      .sort();
    expect(linted).toEqual(cli);
  });
});
