import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/cli.js';

/**
 * fixtures/demo-app is a Next.js-style app with one leak of each kind; fixtures/demo-app.expected.json lists what
 * scripts/generate-demo.mjs planted there (written by the generator, not by a scan). The README's demo scan is this.
 */
describe('the demo scan of fixtures/', () => {
  it('reports exactly the planted leaks, one of each kind, and exits 1', () => {
    const root = packageRoot();
    const expected = JSON.parse(readFileSync(join(root, 'fixtures/demo-app.expected.json'), 'utf8')) as Array<{ path: string; line: number; ruleId: string }>;
    const run = runCli(['scan', 'fixtures/', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    const found = (JSON.parse(run.stdout).findings as Array<{ ruleId: string; location: { path: string; line: number } }>).map(
      (f) => `${f.location.path}:${f.location.line}:${f.ruleId}`,
    );
    expect(found.sort()).toEqual(expected.map((e) => `fixtures/demo-app/${e.path}:${e.line}:${e.ruleId}`).sort());
    expect(new Set(expected.map((e) => e.ruleId)).size).toBe(expected.length);
  });
});
