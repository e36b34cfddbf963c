import { describe, expect, it } from 'vitest';
import { secretOf } from '../../src/engine/detector.js';
import { scanDiff } from '../../src/scan/scan-diff.js';
import { defaultDetector } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';

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
});
