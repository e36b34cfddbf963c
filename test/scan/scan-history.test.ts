import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretOf } from '../../src/engine/detector.js';
import type { Finding } from '../../src/engine/types.js';
import { scanHistory, type HistoryOptions } from '../../src/scan/scan-history.js';
import { openRepository } from '../../src/sources/repository.js';
import { defaultDetector } from '../helpers/detector.js';
import { gitIn, TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

async function history(dir: string, options: Partial<HistoryOptions> = {}) {
  const repo = await openRepository(dir);
  return scanHistory(repo, defaultDetector, { ignore: [], ignoreBase: repo.dir, ...options });
}

function bySecret(findings: Finding[], secret: string): Finding | undefined {
  return findings.find((f) => secretOf(f) === secret);
}

describe('scanHistory', () => {
  it('finds a key that was committed and then deleted, and says it is only in history', async () => {
    const repo = TempRepo.init();
    const secret = key.smartpayLive();
    repo.commit('init', { 'README.md': '# app\n' });
    const leak = repo.commit('add config', { 'config.ts': `export const k = "${secret}";\n` });
    repo.remove('config.ts');
    repo.commit('remove the key');
    const result = await history(repo.dir);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.location).toMatchObject({ path: 'config.ts', line: 1, commit: leak, author: 'Ada Tester <ada@example.com>' });
    expect(finding!.history).toMatchObject({ occurrences: 1, inCurrentTree: false });
    expect(finding!.remediation).toMatch(/rotate or revoke it now/);
    expect(result.commitsScanned).toBe(3);
  });

  it('reports the same secret in many commits once, at the commit that introduced it, with count and files', async () => {
    const repo = TempRepo.init();
    const secret = key.accelebitLive();
    const first = repo.commit('one', { 'a.ts': `const a = "${secret}";\n` });
    repo.commit('two', { 'b.py': `A = "${secret}"\n` });
    repo.commit('three', { 'a.ts': `const renamed = "${secret}";\n` });
    const result = await history(repo.dir);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.location.commit).toBe(first);
    expect(result.findings[0]!.history).toEqual({ occurrences: 3, commits: 3, files: ['a.ts', 'b.py'], inCurrentTree: true });
  });

  it('gives the line number in that commit’s version of the file', async () => {
    const repo = TempRepo.init();
    repo.commit('one', { 'app.rb': 'a = 1\nb = 2\nc = 3\n' });
    repo.commit('two', { 'app.rb': `a = 1\nb = 2\nc = 3\nd = 4\nKEY = "${key.smartpayTest()}"\n` });
    const [finding] = (await history(repo.dir)).findings;
    expect(finding!.location).toMatchObject({ line: 5, column: 8 });
  });

  it('finds a key added while resolving a merge conflict', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'pay.ts': 'const key = process.env.KEY;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'pay.ts': 'const key = process.env.FEATURE_KEY;\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'pay.ts': 'const key = process.env.MAIN_KEY;\n' });
    try {
      repo.git('merge', '-q', 'feature');
    } catch {
      // the conflict is the point
    }
    const secret = key.smartpayLive();
    const merge = repo.commit('merge feature', { 'pay.ts': `const key = "${secret}";\n` });
    expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
    const finding = bySecret((await history(repo.dir)).findings, secret);
    expect(finding?.location).toMatchObject({ commit: merge, path: 'pay.ts', line: 1 });
  });

  it('finds keys on second-parent commits and on branches that were never merged', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'merged');
    const merged = key.smartpayLive();
    repo.commit('on merged branch', { 'm.ts': `k = "${merged}"\n` });
    repo.git('checkout', '-q', '-b', 'unmerged', 'main');
    const unmerged = key.smartpayTest();
    repo.commit('on unmerged branch', { 'u.ts': `k = "${unmerged}"\n` });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves', { 'b.txt': 'b\n' });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'merged');
    const all = (await history(repo.dir)).findings;
    expect(bySecret(all, merged)).toBeDefined();
    expect(bySecret(all, unmerged)).toBeDefined();
    const mainOnly = (await history(repo.dir, { branch: 'main' })).findings;
    expect(bySecret(mainOnly, merged)).toBeDefined();
    expect(bySecret(mainOnly, unmerged)).toBeUndefined();
  });

  it('finds the same, with the same first commits, however the history is cut into parallel git processes', async () => {
    const repo = TempRepo.init();
    const shared = key.smartpayLive();
    const again = key.accelebitLive();
    repo.commit('base', { 'a.ts': `k = "${shared}"\n` });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side one', { 'b.ts': `k = "${shared}"\nj = "${again}"\n` });
    repo.commit('side two', { 'c.ts': `j = "${again}"\n` });
    repo.git('checkout', '-q', 'main');
    for (let i = 0; i < 5; i++) repo.commit(`main ${i}`, { [`m${i}.ts`]: `k${i} = "${key.smartpayTest()}"\nk = "${shared}"\n` });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    const summary = (result: Awaited<ReturnType<typeof history>>) =>
      result.findings.map((f) => ({ secret: secretOf(f), location: f.location, history: f.history }));
    const one = await history(repo.dir, { jobs: 1, batchSize: 1000 });
    expect(one.commitsScanned).toBe(9);
    for (const cut of [{ jobs: 4, batchSize: 1 }, { jobs: 2, batchSize: 3 }]) {
      const parallel = await history(repo.dir, cut);
      expect(summary(parallel)).toEqual(summary(one));
      expect(parallel.commitsScanned).toBe(9);
    }
    expect(bySecret(one.findings, shared)?.history?.occurrences).toBe(7);
  });

  it('keeps the oldest commit as the introduction when dates tie, whichever git process finishes first', async () => {
    const repo = TempRepo.init();
    repo.tick = 0;
    const secret = key.smartpayLive();
    const base = repo.commit('base', { 'a.ts': `k = "${secret}"\n` });
    for (let i = 0; i < 3; i++) repo.commit(`step ${i}`, { [`s${i}.ts`]: `n = ${i}\n` });
    // The newest commit's diff is slow to compute, so its git process ends last: arrival order is not git log's.
    repo.commit('vendor', { 'big.txt': `${'x = 1\n'.repeat(400_000)}k = "${secret}"\n` });
    const result = await history(repo.dir, { jobs: 5, batchSize: 1 });
    expect(bySecret(result.findings, secret)?.location.commit).toBe(base);
  });

  it('reports keys at the same place in different commits oldest first, whichever git process finishes first', async () => {
    const repo = TempRepo.init();
    const older = key.smartpayLive();
    const newer = key.smartpayLive();
    // The older commit's diff is slow to compute, so its git process ends last: arrival order is newest first.
    const first = repo.commit('first', { 'a.ts': `k = "${older}"\n`, 'big.txt': 'x = 1\n'.repeat(400_000) });
    const second = repo.commit('second', { 'a.ts': `k = "${newer}"\n` });
    for (let run = 0; run < 2; run++) {
      const { findings } = await history(repo.dir, { jobs: 2, batchSize: 1 });
      expect(findings.map((f) => [f.location.commit, secretOf(f)])).toEqual([
        [first, older],
        [second, newer],
      ]);
    }
  });

  it('follows renames (no second finding for an unchanged move) and reports copies under the new path', async () => {
    const repo = TempRepo.init();
    const secret = key.smartpayLive();
    const body = `${'// filler line\n'.repeat(20)}k = "${secret}"\n`;
    repo.commit('add', { 'old name.ts': body });
    repo.git('mv', 'old name.ts', 'new name.ts');
    repo.commit('rename');
    let [finding] = (await history(repo.dir)).findings;
    expect(finding!.history).toMatchObject({ occurrences: 1, files: ['old name.ts'], inCurrentTree: false });
    repo.commit('copy', { 'copy.ts': body });
    [finding] = (await history(repo.dir)).findings;
    expect(finding!.history).toMatchObject({ occurrences: 2, files: ['copy.ts', 'old name.ts'], inCurrentTree: true });
  });

  it('reads paths with spaces, non-ASCII characters, tabs and quotes', async () => {
    const repo = TempRepo.init();
    const names = ['with space/a file.ts', 'données/clé.ts', 'tab\there "q".ts'];
    repo.commit('names', Object.fromEntries(names.map((n) => [n, `k = "${key.smartpayLive()}"\n`])));
    const paths = (await history(repo.dir)).findings.map((f) => f.location.path).sort();
    expect(paths).toEqual([...names].sort());
  });

  it('scans non-UTF-8 content, skips binary diffs with a note, and handles a huge diff', async () => {
    const repo = TempRepo.init();
    const latin = key.smartpayLive();
    const huge = key.accelebitLive();
    repo.commit('mixed', {
      'latin1.txt': Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff]), Buffer.from(`\nk = "${latin}"\n`)]),
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0]),
      'big.txt': `${'x = 1\n'.repeat(1_000_000)}k = "${huge}"\n`,
    });
    const result = await history(repo.dir);
    expect(bySecret(result.findings, latin)?.location.line).toBe(2);
    expect(bySecret(result.findings, huge)?.location.line).toBe(1_000_001);
    expect(result.notes).toContain('1 binary file(s) in history not scanned');
  });

  it('does not read a file version over maxFileSize, as the tree scan does not: skipped and said, per path, with its largest version', async () => {
    const repo = TempRepo.init();
    const small = key.smartpayLive();
    const inBundle = key.accelebitLive();
    const bundle = (n: number) => `${'var a=1;'.repeat(n)}\nvar k="${inBundle}";\n`;
    repo.commit('v1', { 'dist/app.js': bundle(20_000), 'src/pay.ts': `k = "${small}"\n`, 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    const v2 = repo.commit('v2', { 'dist/app.js': bundle(30_000) });
    const result = await history(repo.dir, { maxFileSize: 100_000 });
    expect(result.findings.map((f) => f.location.path)).toEqual(['src/pay.ts']);
    expect(result.skipped).toEqual([{ path: 'dist/app.js', reason: 'too-large', detail: `${bundle(30_000).length} bytes in commit ${v2.slice(0, 12)} (2 versions over the limit)` }]);
    expect(result.notes).toContain('1 binary file(s) in history not scanned');
    // The default limit (25 MB) reads it.
    expect((await history(repo.dir)).findings.map((f) => f.location.path).sort()).toEqual(['dist/app.js', 'src/pay.ts']);
  });

  it('reports a submodule without following it', async () => {
    const inner = TempRepo.init();
    inner.commit('inner', { 'secret.ts': `k = "${key.smartpayLive()}"\n` });
    const repo = TempRepo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'vendor/inner');
    repo.commit('add submodule');
    const result = await history(repo.dir);
    expect(result.findings).toEqual([]);
    expect(result.notes).toContain('submodule vendor/inner: reported, not followed (scan its own repository)');
  });

  it('handles an empty repository', async () => {
    const repo = TempRepo.init();
    const result = await history(repo.dir);
    expect(result.findings).toEqual([]);
    expect(result.notes).toContain('empty repository: no commit to scan');
  });

  it('works on a shallow clone and says so', async () => {
    const origin = TempRepo.init();
    const old = key.smartpayLive();
    const recent = key.smartpayTest();
    origin.commit('old', { 'old.ts': `k = "${old}"\n` });
    origin.remove('old.ts');
    origin.commit('drop old');
    origin.commit('recent', { 'new.ts': `k = "${recent}"\n` });
    const clone = join(tempTree(), 'shallow');
    gitIn(origin.dir, 'clone', '-q', '--depth', '1', `file://${origin.dir}`, clone);
    const result = await history(clone);
    expect(bySecret(result.findings, recent)).toBeDefined();
    expect(bySecret(result.findings, old)).toBeUndefined();
    expect(result.notes?.[0]).toMatch(/^shallow clone/);
  });

  it('includes a commit made on a detached HEAD', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '--detach');
    const secret = key.smartpayLive();
    repo.commit('detached', { 'd.ts': `k = "${secret}"\n` });
    expect(bySecret((await history(repo.dir)).findings, secret)).toBeDefined();
  });

  it('works from a linked worktree and sees its branch from the main one', async () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'a.txt': 'a\n' });
    const worktree = join(tempTree(), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'wt-branch', worktree);
    const secret = key.smartpayLive();
    new TempRepo(worktree).commit('in worktree', { 'w.ts': `k = "${secret}"\n` });
    expect(bySecret((await history(worktree)).findings, secret)?.history?.inCurrentTree).toBe(true);
    expect(bySecret((await history(repo.dir)).findings, secret)).toBeDefined();
  });

  it('scans a bare repository, checking HEAD for the current tree', async () => {
    const repo = TempRepo.init();
    const secret = key.smartpayLive();
    repo.commit('leak', { 'k.ts': `k = "${secret}"\n` });
    const bare = join(tempTree(), 'bare.git');
    gitIn(repo.dir, 'clone', '-q', '--bare', repo.dir, bare);
    const [finding] = (await history(bare)).findings;
    expect(finding?.history?.inCurrentTree).toBe(true);
  });

  it('limits the scan with --range, --since (ref or date) and --max-count', async () => {
    const repo = TempRepo.init();
    const first = key.smartpayLive();
    const second = key.smartpayTest();
    const third = key.accelebitLive();
    const a = repo.commit('one', { 'one.ts': `k = "${first}"\n` });
    repo.commit('two', { 'two.ts': `k = "${second}"\n` });
    repo.commit('three', { 'three.ts': `k = "${third}"\n` });
    const secretsOf = (findings: Finding[]) => findings.map((f) => secretOf(f)).sort();
    expect(secretsOf((await history(repo.dir, { range: `${a}..HEAD` })).findings)).toEqual([second, third].sort());
    expect(secretsOf((await history(repo.dir, { since: a })).findings)).toEqual([second, third].sort());
    expect(secretsOf((await history(repo.dir, { since: '2030-01-01' })).findings)).toEqual([]);
    expect(secretsOf((await history(repo.dir, { maxCount: 1 })).findings)).toEqual([third]);
  });

  it('honours the config ignores and inline ignores', async () => {
    const repo = TempRepo.init();
    repo.commit('keys', {
      'vendor/lib.js': `k = "${key.smartpayLive()}"\n`,
      'ok.ts': `k = "${key.smartpayLive()}" // keyward-ignore\n`,
    });
    const result = await history(repo.dir, { ignore: ['vendor/**'], ignoreBase: repo.dir });
    expect(result.findings).toEqual([]);
  });
});

describe('scanHistory: smaller truths', () => {
  it('history: the still-in-HEAD check works for file names with newlines', async () => {
    const repo = TempRepo.init();
    const kept = key.smartpayLive();
    const removed = key.accelebitLive();
    repo.commit('odd names', { 'we\nird.ts': `k = "${kept}"\n`, 'gone\nnow.ts': `k = "${removed}"\n` });
    repo.remove('gone\nnow.ts');
    repo.commit('remove one');
    const result = await history(repo.dir);
    expect(bySecret(result.findings, kept)!.history).toMatchObject({ files: ['we\nird.ts'], inCurrentTree: true });
    expect(bySecret(result.findings, removed)!.history).toMatchObject({ inCurrentTree: false });
    expect(bySecret(result.findings, removed)!.history!.unmergedRefs).toBeUndefined();
  });

  it('history: a key only on an unmerged branch is described as such, never as removed from HEAD', async () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.git('checkout', '-q', '-b', 'feature/pay');
    const secret = key.smartpayLive();
    repo.commit('wip', { 'pay.ts': `k = "${secret}"\n` });
    repo.git('checkout', '-q', 'main');
    const [finding] = (await history(repo.dir)).findings;
    expect(finding!.history).toMatchObject({ inCurrentTree: false, unmergedRefs: ['feature/pay'] });
    expect(finding!.remediation).toMatch(/^The key was never in HEAD: it is on feature\/pay, not merged/);
    expect(finding!.remediation).not.toMatch(/no longer in HEAD/);
    const { textReporter } = await import('../../src/report/text.js');
    const text = textReporter({ findings: [finding!], skipped: [], filesScanned: 1, bytesScanned: 1, durationMs: 1, commitsScanned: 2 }, { rules: [], failOn: 'warning', color: false, version: 'test' });
    expect(text).toContain('never in HEAD: only on feature/pay, not merged');
    expect(text).not.toContain('removed from HEAD');
  });

  it('history: a key on an unmerged branch is described as such when only that branch or a range is scanned', async () => {
    const repo = TempRepo.init();
    const base = repo.commit('init', { 'README.md': '# app\n' });
    repo.git('checkout', '-q', '-b', 'feature/pay');
    repo.commit('wip', { 'pay.ts': `k = "${key.smartpayLive()}"\n` });
    repo.git('checkout', '-q', 'main');
    for (const options of [{ branch: 'feature/pay' }, { range: `${base}..feature/pay` }, { branch: 'feature/pay', maxCount: 1 }]) {
      const [finding] = (await history(repo.dir, options)).findings;
      expect(finding!.history).toMatchObject({ inCurrentTree: false, unmergedRefs: ['feature/pay'] });
    }
  });

  it('history: the summary counts the bytes of history read, with the commits and file changes that was', async () => {
    const repo = TempRepo.init();
    // Lines with no keyword at all: the keyword filter passes none of them, yet they were read.
    const filler = Array.from({ length: 2000 }, (_, i) => `const value${i} = ${i};`).join('\n');
    repo.commit('one', { 'a.ts': filler, 'b.ts': filler });
    repo.commit('two', { 'c.ts': filler });
    const result = await history(repo.dir);
    expect(result.commitsScanned).toBe(2);
    expect(result.filesScanned).toBe(3);
    expect(result.bytesScanned).toBeGreaterThan(3 * filler.length);
    const { textReporter } = await import('../../src/report/text.js');
    const text = textReporter(result, { rules: [], failOn: 'warning', color: false, version: 'test' });
    expect(text).toMatch(/2 commits, 3 file changes, \d+\.\d KB of patches/);
  });
});
