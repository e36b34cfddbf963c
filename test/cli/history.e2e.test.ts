import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('keyward history / scan --staged / baseline (built CLI)', () => {
  it('reports a deleted key from history with commit facts, in text and JSON, exit 1', () => {
    const repo = TempRepo.init();
    const secret = key.smartpayLive();
    const sha = repo.commit('leak', { 'src/pay.ts': `k = "${secret}"\n` });
    repo.remove('src/pay.ts');
    repo.commit('remove');
    const text = runCli(['history'], { cwd: repo.dir });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`src/pay.ts @ ${sha.slice(0, 10)}`);
    expect(text.stdout).toContain('removed from HEAD, still in history');
    expect(text.stdout).not.toContain(secret.slice(8));
    const json = JSON.parse(runCli(['history', '-f', 'json'], { cwd: repo.dir }).stdout);
    expect(json.findings[0].location.commit).toBe(sha);
    expect(json.summary.commitsScanned).toBe(2);
  });

  it('runs with --jobs 1 to the same findings, and refuses a --jobs that is not a count', () => {
    const repo = TempRepo.init();
    for (let i = 0; i < 4; i++) repo.commit(`c${i}`, { [`f${i}.ts`]: `k = "${key.smartpayLive()}"\n` });
    const summary = (args: string[]) => JSON.parse(runCli(['history', '-f', 'json', ...args], { cwd: repo.dir }).stdout).findings.map((f: { fingerprint: string; location: unknown }) => [f.fingerprint, f.location]);
    expect(summary(['--jobs', '1'])).toEqual(summary([]));
    expect(summary(['--jobs', '1'])).toHaveLength(4);
    const bad = runCli(['history', '--jobs', 'many'], { cwd: repo.dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('keyward: --jobs takes a whole number of processes, not "many"');
  });

  it('says in one line that a folder is not a repository, or that git is missing, with exit 2', () => {
    const notRepo = tempTree({ 'a.txt': 'a' });
    const run = runCli(['history'], { cwd: notRepo, env: { GIT_CEILING_DIRECTORIES: dirname(notRepo) } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('keyward: . is not a git repository');

    const bin = join(tempTree(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const noGit = runCli(['history'], { cwd: TempRepo.init().dir, env: { PATH: bin } });
    expect(noGit.status).toBe(2);
    expect(noGit.stderr.trim()).toBe('keyward: git is not installed (or not on PATH)');
    const noGitStaged = runCli(['scan', '--staged'], { cwd: TempRepo.init().dir, env: { PATH: bin } });
    expect(noGitStaged.stderr.trim()).toBe('keyward: git is not installed (or not on PATH)');
  });

  it('refuses a staged commit holding a key and passes a clean one', () => {
    const repo = TempRepo.init();
    repo.commit('base', { 'README.md': '# x\n' });
    repo.write('clean.ts', 'export const a = process.env.API_KEY;\n');
    repo.git('add', '-A');
    expect(runCli(['scan', '--staged'], { cwd: repo.dir }).status).toBe(0);
    repo.write('leak.ts', `export const k = "${key.smartpayLive()}";\n`);
    repo.git('add', '-A');
    const run = runCli(['scan', '--staged'], { cwd: repo.dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('leak.ts');
  });

  it('adopts keyward on an old repository with a baseline: only new findings fail, stale entries are listed', () => {
    const root = tempTree({ 'old.ts': `k = "${key.smartpayLive()}"\n`, 'older.ts': `k = "${key.smartpayLive()}"\n` });
    expect(runCli(['baseline'], { cwd: root }).status).toBe(0);
    expect(runCli(['scan', '--baseline', '.keyward-baseline.json'], { cwd: root }).status).toBe(0);
    writeFileSync(join(root, 'new.ts'), `k = "${key.accelebitLive()}"\n`);
    writeFileSync(join(root, 'older.ts'), 'k = process.env.KEY\n');
    const run = runCli(['scan', '--baseline', '.keyward-baseline.json', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['new.ts']);
    expect(json.staleBaseline.map((e: { path: string }) => e.path)).toEqual(['older.ts']);
    expect(json.baselined).toBe(1);
  });

  it('rejects a bad baseline file with one line, exit 2', () => {
    const root = tempTree({ 'a.ts': '', 'b.json': 'not json' });
    const run = runCli(['scan', '--baseline', 'b.json'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('keyward: b.json: cannot read the baseline (not valid JSON)');
  });
});
