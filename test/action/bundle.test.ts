import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/package-root.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('action/index.mjs', () => {
  it('is what scripts/build-action.mjs makes of the current source (run npm run build:action if not)', () => {
    const root = packageRoot();
    const fresh = join(tempTree(), 'index.mjs');
    execFileSync(process.execPath, [join(root, 'scripts/build-action.mjs'), fresh], { stdio: 'ignore' });
    expect(readFileSync(join(root, 'action/index.mjs'), 'utf8') === readFileSync(fresh, 'utf8')).toBe(true);
  });

  it("runs on Node 24, as GitHub's runners require, and the workflows use the actions' Node 24 majors", () => {
    const root = packageRoot();
    expect(parse(readFileSync(join(root, 'action.yml'), 'utf8')).runs.using).toBe('node24');
    const uses = ['ci.yml', 'keyward.yml'].flatMap((file) =>
      [...readFileSync(join(root, '.github/workflows', file), 'utf8').matchAll(/uses: ([\w/-]+)@(v\d+)/g)].map((m) => `${m[1]}@${m[2]}`),
    );
    expect(uses).toEqual(expect.arrayContaining(['actions/checkout@v5', 'github/codeql-action/upload-sarif@v4']));
    expect(uses.filter((u) => /checkout@v4|upload-sarif@v3|setup-node@v4/.test(u))).toEqual([]);
  });
});
