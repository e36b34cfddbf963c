import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runKind } from '../../src/cli/compile-cache.js';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { tempTree } from '../helpers/temp-dir.js';

const fixtures = join(packageRoot(), 'fixtures');
const scanFixtures = (cacheHome: string) => runCli(['scan', fixtures, '--format', 'json'], { cwd: fixtures, env: { XDG_CACHE_HOME: cacheHome } });
/** The report without its timing, which differs from run to run. */
const findingsOf = (stdout: string) => JSON.parse(stdout).findings as unknown[];

/** Every file under `dir`, with its modification time and content. */
function entries(dir: string): Map<string, { mtimeMs: number; content: Buffer }> {
  const found = new Map<string, { mtimeMs: number; content: Buffer }>();
  for (const path of readdirSync(dir, { recursive: true }).map(String)) {
    const file = join(dir, path);
    const stats = statSync(file);
    if (stats.isFile()) found.set(path, { mtimeMs: stats.mtimeMs, content: readFileSync(file) });
  }
  return found;
}

describe("the CLI's compile cache", () => {
  it('is written to the user cache folder by the first run and read, unchanged, by the next', () => {
    const cacheHome = tempTree();
    const first = scanFixtures(cacheHome);
    expect(first.status).toBe(1);
    const cacheDir = join(cacheHome, 'keyward/compile-cache');
    const written = entries(cacheDir);
    expect(written.size).toBeGreaterThan(3);

    const second = scanFixtures(cacheHome);
    expect(second.status).toBe(1);
    expect(findingsOf(second.stdout)).toEqual(findingsOf(first.stdout));
    // V8 took every entry: none was refused and written again.
    const after = entries(cacheDir);
    expect([...after.keys()].sort()).toEqual([...written.keys()].sort());
    for (const [path, entry] of written) expect(after.get(path)!.mtimeMs).toBe(entry.mtimeMs);
  });

  it('costs nothing when damaged or out of reach: the run is the same', () => {
    const cacheHome = tempTree();
    const clean = scanFixtures(cacheHome);
    const cacheDir = join(cacheHome, 'keyward/compile-cache');
    for (const [path, entry] of entries(cacheDir)) writeFileSync(join(cacheDir, path), Buffer.alloc(entry.content.length, 0x5a));
    const damaged = scanFixtures(cacheHome);
    expect(damaged.status).toBe(clean.status);
    expect(damaged.stderr).toBe('');
    expect(findingsOf(damaged.stdout)).toEqual(findingsOf(clean.stdout));

    // A cache home that is a file: nothing can be written, and nothing is said.
    const blocked = join(tempTree({ 'not-a-folder': '' }), 'not-a-folder');
    const unwritable = scanFixtures(blocked);
    expect(unwritable.status).toBe(clean.status);
    expect(unwritable.stderr).toBe('');
    expect(findingsOf(unwritable.stdout)).toEqual(findingsOf(clean.stdout));
  });

  it("makes way for a new build: other builds' folders last written a month ago go, recent ones and Node's own stay", () => {
    const cacheHome = tempTree();
    const cacheDir = join(cacheHome, 'keyward/compile-cache');
    const folder = (name: string, daysAgo: number) => {
      mkdirSync(join(cacheDir, name), { recursive: true });
      writeFileSync(join(cacheDir, name, 'cli-chunk-X.js.bin'), 'old code');
      const when = new Date(Date.now() - daysAgo * 24 * 3600 * 1000);
      utimesSync(join(cacheDir, name), when, when);
    };
    folder('keyward-0000000000000000-v20.0.0-x64', 45);
    folder('keyward-1111111111111111-v20.0.0-x64', 2);
    folder('v22.0.0-x64-00000000-0', 45);
    expect(scanFixtures(cacheHome).status).toBe(1);
    const left = () => ['keyward-0000000000000000-v20.0.0-x64', 'keyward-1111111111111111-v20.0.0-x64', 'v22.0.0-x64-00000000-0'].filter((name) => existsSync(join(cacheDir, name)));
    // Node 22 and later keep their own cache (module.enableCompileCache), in folders keyward leaves to them.
    const ownCache = !('enableCompileCache' in module);
    expect(left()).toEqual(ownCache ? ['keyward-1111111111111111-v20.0.0-x64', 'v22.0.0-x64-00000000-0'] : ['keyward-0000000000000000-v20.0.0-x64', 'keyward-1111111111111111-v20.0.0-x64', 'v22.0.0-x64-00000000-0']);
    // Only a build's first run looks: later runs of the same build read no folder list.
    folder('keyward-0000000000000000-v20.0.0-x64', 45);
    expect(scanFixtures(cacheHome).status).toBe(1);
    expect(left()).toContain('keyward-0000000000000000-v20.0.0-x64');
  });

  it('keeps each kind of run apart: a staged scan after a tree scan writes the code it compiled, and both are read back', () => {
    const cacheHome = tempTree();
    const cacheDir = join(cacheHome, 'keyward/compile-cache');
    expect(scanFixtures(cacheHome).status).toBe(1);
    const repo = TempRepo.init();
    repo.commit('base', { 'a.ts': 'export const a = 1;\n' });
    repo.write('a.ts', 'export const token = process.env.TOKEN;\n').git('add', 'a.ts');
    const staged = () => runCli(['scan', '--staged'], { cwd: repo.dir, env: { XDG_CACHE_HOME: cacheHome } });
    expect(staged().status).toBe(0);
    const written = entries(cacheDir);
    if (!('enableCompileCache' in module)) {
      const kinds = new Set([...written.keys()].map((path) => path.split(/[\\/]/)[1]));
      expect(kinds).toEqual(new Set(['scan', 'scan--staged']));
    }
    expect(staged().status).toBe(0);
    for (const [path, entry] of written) expect(entries(cacheDir).get(path)?.mtimeMs).toBe(entry.mtimeMs);
  });
});

describe('runKind', () => {
  it('names a run by its command and the options that change its path', () => {
    expect(runKind(['scan', '--staged', '--format', 'json'])).toBe('scan--staged');
    expect(runKind(['scan', '--diff=main..HEAD'])).toBe('scan--diff');
    expect(runKind(['scan', 'src', '--format', 'sarif'])).toBe('scan');
    expect(runKind(['history', '--jobs', '1'])).toBe('history');
    expect(runKind(['--version'])).toBe('default--version');
    expect(runKind([])).toBe('default');
    expect(runKind(['./my dir'])).toBe('default');
  });
});

