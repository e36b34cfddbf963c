import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('action/index.mjs', () => {
  it('is what scripts/build-action.mjs makes of the current source (run npm run build:action if not)', () => {
    const root = packageRoot();
    const fresh = join(tempTree(), 'index.mjs');
    execFileSync(process.execPath, [join(root, 'scripts/build-action.mjs'), fresh], { stdio: 'ignore' });
    expect(readFileSync(join(root, 'action/index.mjs'), 'utf8') === readFileSync(fresh, 'utf8')).toBe(true);
  });
});
