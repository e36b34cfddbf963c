import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

/** The files `npm pack` would put in the tarball (the build has run: npm test builds first). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
}

describe('the npm package', () => {
  const files = packedFiles();

  it('carries every file the README links to, so the links work from the package as from the repository', () => {
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((link) => !/^[a-z]+:/.test(link));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !files.includes(link))).toEqual([]);
  });

  it('carries the CLI, the compiled rules, the webhook receiver example and the rule docs; not the tests or sources', () => {
    for (const path of ['dist/cli/keyward.js', 'dist/cli/package.json', 'dist/cli/scan-worker.js', 'dist/bundle/eslint.js', 'dist/bundle/index.js', 'dist/vendor/picomatch.cjs', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/src/index.d.ts', 'dist/rules.json', 'dist/keyword-automaton.bin', 'examples/revoke-receiver.mjs', 'docs/rules.md', 'schemas/revoke-payload.schema.json']) {
      expect(files).toContain(path);
    }
    expect(files.filter((path) => /^(?:test|src|bench|fixtures)\//.test(path))).toEqual([]);
    // The unbundled build is not shipped: its imports name packages the install no longer brings.
    expect(files.filter((path) => path.startsWith('dist/src/') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('names its repository, so that npm links the README to it', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
  });
});
