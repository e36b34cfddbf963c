import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { findConfigFile } from '../../src/config/find-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { builtinRuleIds } from '../../src/scan/create-detector.js';
import { tempTree } from '../helpers/temp-dir.js';

const ids = await builtinRuleIds();

function errorOf(files: Record<string, string>, name: string): ConfigError {
  const root = tempTree(files);
  try {
    loadConfig(join(root, name), root, ids);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('finds .keyward.yml upward from the scan root, and resolves globs from its folder', () => {
    const root = tempTree({ '.keyward.yml': 'ignore: ["vendor/**"]\n', 'a/b/c.txt': '' });
    expect(findConfigFile(join(root, 'a/b'))).toBe(join(root, '.keyward.yml'));
    const loaded = loadConfig(undefined, join(root, 'a/b'), ids);
    expect(loaded.config.ignore).toEqual(['vendor/**']);
    expect(loaded.baseDir).toBe(root);
  });

  it('reads JSON with the same keys', () => {
    const root = tempTree({ '.keyward.json': '{ "rules": { "generic-api-key": "off" }, "maxFileSize": "1MB" }' });
    const { config } = loadConfig(undefined, root, ids);
    expect(config.rules).toEqual({ 'generic-api-key': 'off' });
    expect(config.maxFileSize).toBe(1024 * 1024);
  });

  it('uses the defaults when there is no config', () => {
    const root = tempTree();
    expect(loadConfig(undefined, root, ids).config.customRules).toEqual([]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const error = errorOf({ 'k.yml': 'ignore:\n  - a\n bad: [\n' }, 'k.yml');
    expect(error.message).toMatch(/k\.yml:\d+: /);
  });

  it('names the line of an unknown key', () => {
    const error = errorOf({ 'k.yml': 'ignore: []\n\nignores: ["x"]\n' }, 'k.yml');
    expect(error.line).toBe(3);
    expect(error.detail).toContain('unknown key "ignores"');
  });

  it('names the line of a bad value, in JSON too', () => {
    const error = errorOf({ 'k.json': '{\n  "rules": {\n    "generic-api-key": "loud"\n  }\n}\n' }, 'k.json');
    expect(error.line).toBe(3);
    expect(error.detail).toContain('rules.generic-api-key');
  });

  it('rejects a rule setting that names no rule', () => {
    const error = errorOf({ 'k.yml': 'rules:\n  smartpay-live-secret-kye: off\n' }, 'k.yml');
    expect(error.line).toBe(2);
    expect(error.detail).toContain('no rule has this id');
  });

  it('rejects a custom rule whose regex has no secret group or is not RE2 syntax, naming the line', () => {
    const noGroup = errorOf(
      { 'k.yml': 'customRules:\n  - id: acme\n    title: Acme\n    severity: error\n    keywords: [acme]\n    regex: "acme_[a-z]+"\n' },
      'k.yml',
    );
    expect(noGroup.line).toBe(6);
    expect(noGroup.detail).toContain('secret');
    const backref = errorOf(
      { 'k.yml': 'customRules:\n  - id: acme\n    title: Acme\n    severity: error\n    keywords: [acme]\n    regex: "(?P<secret>a)\\\\1"\n' },
      'k.yml',
    );
    expect(backref.line).toBe(6);
  });

  it('reports a config file that cannot be read', () => {
    const root = tempTree();
    expect(() => loadConfig(join(root, 'missing.yml'), root, ids)).toThrow(/missing\.yml: cannot read/);
  });
});
