import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint/index.js';
import { DOCS_BASE } from '../../src/eslint/create-rule.js';
import { packageRoot } from '../../src/package-root.js';

describe('the keyward ESLint plugin', () => {
  it('gives every rule meta (type, docs with its page, messages, schema) and a docs page under docs/rules/', () => {
    for (const [name, rule] of Object.entries(plugin.rules ?? {})) {
      expect(rule.meta?.type, name).toMatch(/^(problem|suggestion)$/);
      expect(rule.meta?.docs?.url).toBe(`${DOCS_BASE}/${name}.md`);
      expect(Object.keys(rule.meta?.messages ?? {}).length, name).toBeGreaterThan(0);
      expect(rule.meta?.schema, name).toEqual([]);
      expect(existsSync(join(packageRoot(), 'docs/rules', `${name}.md`)), name).toBe(true);
    }
  });

  it('has recommended and strict flat configs that register the plugin themselves and name every rule', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
      expect(config.plugins?.keyward).toBe(plugin);
      expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(plugin.rules ?? {}).map((n) => `keyward/${n}`).sort());
    }
    expect(Object.values(plugin.configs.strict.rules ?? {}).every((level) => level === 'error')).toBe(true);
  });
});
