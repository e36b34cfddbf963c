import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRule, type PrecompiledPaths } from '../../src/engine/compile-rule.js';
import { COMPILED_RULES } from '../../src/engine/load-rules.js';
import type { RuleDefinition } from '../../src/engine/rule-schema.js';
import { packageRoot } from '../../src/package-root.js';

const PATHS = [
  'google-services.json', 'android/app/google-services.json', 'ios/App/GoogleService-Info.plist', 'next.config.mjs', 'web/vite.config.ts',
  'webpack.prod.js', 'config/webpack.dev.cjs', 'README.md', 'docs/setup.txt', 'src/docs/x.ts', '.netrc', 'home/_netrc', '.pypirc',
  'infra/main.tf', 'infra/prod.tfvars', 'infra/x.tf.json', 'infra/main.tf.bak', '.hidden/dir/main.tf', 'src/app.ts', 'a/.config/next.config.js',
];

describe('compileRule', () => {
  it("gives a built-in rule's path filter the same answers from the build's precompiled regexes as from picomatch", () => {
    const packs = JSON.parse(readFileSync(join(packageRoot(), COMPILED_RULES), 'utf8')) as Array<{ rules: Array<RuleDefinition & { compiledPaths?: PrecompiledPaths }> }>;
    const withPaths = packs.flatMap((pack) => pack.rules).filter((rule) => rule.paths || rule.excludePaths);
    expect(withPaths.length).toBeGreaterThan(3);
    for (const definition of withPaths) {
      expect(definition.compiledPaths, definition.id).toBeDefined();
      const { compiledPaths: _precompiled, ...globsOnly } = definition;
      const precompiled = compileRule(definition, 'native').appliesTo!;
      const picomatch = compileRule(globsOnly, 'native').appliesTo!;
      expect(PATHS.map((path) => [definition.id, path, precompiled(path)])).toEqual(PATHS.map((path) => [definition.id, path, picomatch(path)]));
    }
  });

  it('compiles a built-in rule when a file first needs it, and a config rule at once, so a bad pattern fails at load', () => {
    const rule = { id: 'x', regex: '(?<secret>a', flags: '', keywords: ['a'], placeholders: [], severity: 'error' } as unknown as RuleDefinition;
    const lazy = compileRule(rule, 'native');
    expect(() => lazy.matchers).toThrow();
    expect(() => compileRule(rule, 'linear')).toThrow();
  });
});
