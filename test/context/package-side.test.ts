import { describe, expect, it } from 'vitest';
import { packageSideResolver } from '../../src/context/package-side.js';
import { ContextClassifier } from '../../src/context/classify.js';
import { runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const manifest = (data: object) => JSON.stringify(data, null, 2);

describe('the side a package.json gives its files', () => {
  it('reads the nearest package.json: browser field, bin, front-end or server dependencies; both or neither say nothing', () => {
    const root = tempTree({
      'package.json': manifest({ name: 'monorepo', private: true }),
      'packages/sdk/package.json': manifest({ name: 'sdk', dependencies: { undici: '6.0.0' } }),
      'packages/sdk/src/client/http.ts': '',
      'packages/widget/package.json': manifest({ name: 'widget', browser: 'dist/widget.js' }),
      'packages/widget/src/index.ts': '',
      'packages/spa/package.json': manifest({ name: 'spa', dependencies: { react: '18.0.0' }, devDependencies: { vite: '5.0.0' } }),
      'packages/spa/src/lib/api.ts': '',
      'packages/cli/package.json': manifest({ name: 'cli', bin: { cli: 'bin.js' }, dependencies: { react: '18.0.0' } }),
      'packages/cli/src/run.ts': '',
      'apps/next/package.json': manifest({ dependencies: { next: '14.0.0', react: '18.0.0' } }),
      'apps/next/lib/pay.ts': '',
      'broken/package.json': '{ "name": ',
      'broken/src/a.ts': '',
    });
    const sideOf = packageSideResolver(root);
    expect(sideOf('packages/sdk/src/client/http.ts')).toBe('node');
    expect(sideOf('packages/widget/src/index.ts')).toBe('browser');
    expect(sideOf('packages/spa/src/lib/api.ts')).toBe('browser');
    expect(sideOf('packages/cli/src/run.ts')).toBe('node');
    expect(sideOf('apps/next/lib/pay.ts')).toBeUndefined();
    expect(sideOf('broken/src/a.ts')).toBeUndefined();
    expect(sideOf('<stdin>')).toBeUndefined();
  });

  it('overrules a client/ folder name, but not what the file says or a component path', () => {
    const classifier = new ContextClassifier();
    expect([...classifier.classify('packages/sdk/src/client/http.ts', '', 'node')]).toEqual(['server']);
    expect([...classifier.classify('packages/sdk/src/client/http.ts', '')]).toEqual(['client']);
    expect([...classifier.classify('src/client/Button.tsx', '', 'node')]).toEqual(['client']);
    expect([...classifier.classify('src/lib/api.ts', "'use client';\n", 'node')]).toEqual(['client']);
    expect([...classifier.classify('src/lib/api.ts', '', 'browser')]).toEqual(['client']);
    expect([...classifier.classify('server/api.ts', '', 'browser')]).toEqual(['server']);
  });

  it('end to end: a key in the client/ folder of a Node SDK is a hard-coded key, in a Vite app\'s lib/ a client-side one', () => {
    const root = tempTree({
      'sdk/package.json': manifest({ name: '@acme/sdk', dependencies: { undici: '6.0.0' } }),
      'sdk/src/client/index.ts': `export const key = "${key.smartpayLive()}";\n`,
      'spa/package.json': manifest({ name: 'spa', dependencies: { react: '18.0.0' } }),
      'spa/src/lib/pay.ts': `export const key = "${key.smartpayLive()}";\n`,
    });
    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd: root });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { path: string } }> };
    expect(report.findings.map((f) => `${f.location.path} ${f.ruleId}`).sort()).toEqual([
      'sdk/src/client/index.ts smartpay-live-secret-key',
      'spa/src/lib/pay.ts client-side-secret',
    ]);
  });
});
