import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretOf } from '../../src/engine/detector.js';
import { scanDiff } from '../../src/scan/scan-diff.js';
import { defaultDetector } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('scanDiff', () => {
  it('scans only staged lines, with line numbers of the staged file', async () => {
    const repo = TempRepo.init();
    const old = key.smartpayLive();
    repo.commit('base', { 'app.ts': `const a = 1;\nconst old = "${old}";\nconst c = 3;\n` });
    const staged = key.smartpayTest();
    const unstaged = key.accelebitLive();
    repo.write('app.ts', `const a = 1;\nconst old = "${old}";\nconst c = 3;\nconst d = 4;\nconst s = "${staged}";\n`);
    repo.git('add', 'app.ts');
    repo.write('app.ts', `const a = 1;\nconst old = "${old}";\nconst c = 3;\nconst d = 4;\nconst s = "${staged}";\nconst u = "${unstaged}";\n`);
    repo.write('untracked.ts', `const u = "${unstaged}";\n`);
    const result = await scanDiff(repo.dir, defaultDetector, { staged: true, ignore: [], ignoreBase: repo.dir });
    expect(result.findings.map((f) => [f.location.path, f.location.line, secretOf(f)])).toEqual([['app.ts', 5, staged]]);
  });

  it('scans the lines a range adds', async () => {
    const repo = TempRepo.init();
    const base = repo.commit('base', { 'a.ts': 'const a = 1;\n' });
    const added = key.smartpayLive();
    repo.commit('pr', { 'b.ts': `const b = "${added}";\n` });
    const result = await scanDiff(repo.dir, defaultDetector, { range: `${base}..HEAD`, ignore: [], ignoreBase: repo.dir });
    expect(result.findings.map((f) => secretOf(f))).toEqual([added]);
  });

  it('finds nothing when nothing is staged', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'a.ts': `k = "${key.smartpayLive()}"\n` });
    const result = await scanDiff(repo.dir, defaultDetector, { staged: true, ignore: [], ignoreBase: repo.dir });
    expect(result.findings).toEqual([]);
  });

  it('gives paths from the repository top, and applies ignore globs, when run from a subdirectory', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'a.ts': 'const a = 1;\n' });
    mkdirSync(join(repo.dir, 'src'));
    const kept = key.smartpayLive();
    repo.write('src/app.ts', `const k = "${kept}";\n`);
    repo.write('fixtures/sample.ts', `const k = "${key.smartpayTest()}";\n`);
    repo.git('add', '.');
    const sub = join(repo.dir, 'src');
    const all = await scanDiff(sub, defaultDetector, { staged: true, ignore: [], ignoreBase: repo.dir });
    expect(all.findings.map((f) => f.location.path).sort()).toEqual(['fixtures/sample.ts', 'src/app.ts']);
    const ignored = await scanDiff(sub, defaultDetector, { staged: true, ignore: ['fixtures/**'], ignoreBase: repo.dir });
    expect(ignored.findings.map((f) => [f.location.path, secretOf(f)])).toEqual([['src/app.ts', kept]]);
  });

  it('says in one line that a folder is not a repository, with or without ignore globs', async () => {
    const dir = tempTree();
    for (const ignore of [[], ['fixtures/**']]) {
      await expect(scanDiff(dir, defaultDetector, { staged: true, ignore, ignoreBase: dir })).rejects.toThrow(/^not a git repository/);
      await expect(scanDiff(dir, defaultDetector, { range: 'HEAD~1..HEAD', ignore, ignoreBase: dir })).rejects.toThrow(/^not a git repository/);
    }
  });
});
