import { describe, expect, it } from 'vitest';
import { GitignoreRules } from '../../src/sources/gitignore.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('GitignoreRules', () => {
  const root = () =>
    tempTree({
      '.gitignore': 'node_modules/\n*.log\n/build\n',
      'packages/web/.gitignore': 'dist/\n!keep.log\n',
    });

  it('applies the root file anywhere below it, anchored patterns only at the root', () => {
    const rules = new GitignoreRules(root(), ['.gitignore', 'packages/web/.gitignore']);
    expect(rules.ignores('node_modules/x/index.js')).toBe(true);
    expect(rules.ignores('packages/api/node_modules/y.js')).toBe(true);
    expect(rules.ignores('debug.log')).toBe(true);
    expect(rules.ignores('build/out.js')).toBe(true);
    expect(rules.ignores('packages/api/build/out.js')).toBe(false);
    expect(rules.ignores('src/index.ts')).toBe(false);
  });

  it('applies a nested file below its folder only, and lets it re-include', () => {
    const rules = new GitignoreRules(root(), ['.gitignore', 'packages/web/.gitignore']);
    expect(rules.ignores('packages/web/dist/app.js')).toBe(true);
    expect(rules.ignores('dist/app.js')).toBe(false);
    expect(rules.ignores('packages/web/keep.log')).toBe(false);
    expect(rules.ignores('packages/web/other.log')).toBe(true);
  });
});
