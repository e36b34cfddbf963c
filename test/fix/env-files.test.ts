import { describe, expect, it } from 'vitest';
import { envFileChanges, parseEnvFile } from '../../src/fix/env-files.js';
import type { MovedKey } from '../../src/fix/fix-plan.js';

const moved = (name: string, secret: string, vendor?: string): MovedKey => ({ name, secret, preview: '…', remediation: '', findings: [], ...(vendor ? { vendor } : {}) });

describe('the env files keyward fix writes', () => {
  it('reads dotenv files: export, quotes, comments', () => {
    expect([...parseEnvFile('# c\nexport A=1\nB="two words"\nC=\'x\'\nD=plain # note\n')]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'x'],
      ['D', 'plain'],
    ]);
  });

  it('writes each value so that dotenv reads it back unchanged', () => {
    const values = ['plain-Value_1.~+/=', 'has space', "it's"];
    const [env] = envFileChanges(values.map((v, i) => moved(`K${i}`, v)), { root: '/r', envIgnored: true, alsoIgnore: [] });
    expect([...parseEnvFile(env!.after).values()]).toEqual(values);
  });

  it('adds to what is there: the same value under the same name is not written twice; .env.example gets empty names; .gitignore .env', () => {
    const changes = envFileChanges([moved('A_KEY', 'aaa', 'Acme'), moved('B_KEY', 'bbb')], {
      root: '/r',
      env: 'A_KEY=aaa',
      example: 'A_KEY=\n',
      gitignore: 'node_modules\n',
      envIgnored: false,
      alsoIgnore: ['config/.env.production'],
    });
    expect(changes.map((c) => [c.path, c.after])).toEqual([
      ['/r/.env', 'A_KEY=aaa\nB_KEY=bbb\n'],
      ['/r/.env.example', "A_KEY=\n# Secret: set it in .env or the deployment's environment\nB_KEY=\n"],
      ['/r/.gitignore', 'node_modules\n.env\n/config/.env.production\n'],
    ]);
  });
});
