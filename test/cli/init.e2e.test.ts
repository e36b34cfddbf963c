import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { CLI, runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { expectGitlabAccepts } from '../helpers/gitlab-schema.js';
import { key } from '../helpers/keys.js';
import { packageRoot } from '../../src/package-root.js';
import { tempTree } from '../helpers/temp-dir.js';

const read = (repo: TempRepo, path: string) => readFileSync(join(repo.dir, path), 'utf8');

describe('keyward init (built CLI, real repositories)', () => {
  it('on GitHub: config, a baseline of what is there, the hook and the workflow; afterwards a scan passes and a new key fails', () => {
    const repo = TempRepo.init();
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    const old = key.accelebitLive();
    repo.commit('app', { 'server/pay.ts': `export const key = "${old}";\n` });
    const run = runCli(['init'], { cwd: repo.dir }); // not a terminal: the defaults, no question
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote .keyward-baseline.json: 1 finding(s)');
    expect(run.stderr).not.toContain(old);

    const config = parse(read(repo, '.keyward.yml'));
    expect(configSchema.parse(config).baseline).toBe('.keyward-baseline.json');
    expect(read(repo, '.git/hooks/pre-commit')).toContain('keyward-managed-hook');
    const workflow = parse(read(repo, '.github/workflows/keyward.yml'));
    expect(workflow.jobs.keyward.steps.map((s: { uses?: string }) => s.uses)).toEqual(['actions/checkout@v5', 'keyward/keyward@v0', 'github/codeql-action/upload-sarif@v4']);

    expect(runCli(['scan', '.'], { cwd: repo.dir }).status).toBe(0);
    repo.write('server/new.ts', `export const k = "${key.accelebitLive()}";\n`);
    expect(runCli(['scan', '.'], { cwd: repo.dir }).status).toBe(1);
    // And the hook it installed blocks committing the new key (keyward on PATH, as a global install puts it).
    const bin = join(tempTree(), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'keyward'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
    repo.git('add', 'server/new.ts');
    const commit = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'leak'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } });
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain('keyward: commit blocked');
  });

  it('on GitLab: a job file to include, and no baseline when nothing was found', () => {
    const repo = TempRepo.init();
    repo.commit('ci', { '.gitlab-ci.yml': 'stages: [test]\n', 'README.md': '# app\n' });
    const run = runCli(['init', '--yes'], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.keyward-baseline.json'))).toBe(false);
    expect(parse(read(repo, '.keyward.yml')) ?? {}).not.toHaveProperty('baseline');
    const job = parse(read(repo, '.gitlab/keyward.gitlab-ci.yml')).keyward;
    expect(job.artifacts.reports).toEqual({ secret_detection: 'gl-secret-detection-report.json', junit: 'keyward.junit.xml' });
    expect(run.stderr).toContain('include:\n    - local: .gitlab/keyward.gitlab-ci.yml');
    expect(read(repo, '.gitlab/keyward.gitlab-ci.yml')).toBe(readFileSync(join(packageRoot(), 'examples/gitlab-ci.yml'), 'utf8'));
  });

  it("the GitLab job's script, run as GitLab runs it, writes both reports: the tree on a branch, the commits of a merge request", () => {
    const repo = TempRepo.init();
    repo.commit('ci', { '.gitlab-ci.yml': 'stages: [test]\n' });
    expect(runCli(['init', '--yes'], { cwd: repo.dir }).status).toBe(0);
    const script = (parse(read(repo, '.gitlab/keyward.gitlab-ci.yml')).keyward.script as string[]).join('\n');
    repo.remove('.git/hooks/pre-commit'); // init installed it, and it would refuse the keys this test commits
    const head = repo.commit('key', { 'old.js': `const a = "${key.accelebitLive()}";\n` });
    // `npx --yes keyward` is the built CLI here: a stand-in npx on PATH.
    const bin = tempTree({ npx: `#!/bin/sh\n[ "$1" = --yes ] && shift\n[ "$1" = keyward ] && shift\nexec '${process.execPath}' '${CLI}' "$@"\n` });
    spawnSync('chmod', ['+x', join(bin, 'npx')]);
    const runJob = (variables: Record<string, string>) => {
      const job = spawnSync('sh', ['-e', '-c', script], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CI_COMMIT_SHA: head, ...variables } });
      const report = JSON.parse(read(repo, 'gl-secret-detection-report.json'));
      expectGitlabAccepts(report);
      return { status: job.status, report, junit: read(repo, 'keyward.junit.xml') };
    };
    const branch = runJob({});
    expect(branch.status).toBe(1);
    expect(branch.report.vulnerabilities.map((v: { location: { file: string } }) => v.location.file)).toEqual(['old.js']);
    expect(branch.junit).toContain('<failure');
    repo.commit('more', { 'new.js': `const b = "${key.smartpayLive()}";\n` });
    const mergeRequest = runJob({ CI_MERGE_REQUEST_DIFF_BASE_SHA: head, CI_COMMIT_SHA: repo.head() });
    expect(mergeRequest.report.vulnerabilities.map((v: { location: { file: string } }) => v.location.file)).toEqual(['new.js']);
  });

  it.each([
    ['husky', { '.husky/pre-commit': 'npm test\n' }, 'add this line to .husky/pre-commit:\n  npx keyward scan --staged'],
    ['lefthook', { 'lefthook.yml': 'pre-commit:\n  commands: {}\n' }, 'run: npx keyward scan --staged'],
    ['pre-commit', { '.pre-commit-config.yaml': 'repos: []\n' }, 'entry: npx keyward scan --staged'],
  ])('leaves the hooks to %s, and says what to add', (_manager, files, line) => {
    const repo = TempRepo.init();
    repo.commit('tools', files);
    const run = runCli(['init', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(line);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
  });

  it('overwrites nothing: an existing config and workflow stay as they are', () => {
    const repo = TempRepo.init();
    repo.commit('setup', { '.keyward.yml': 'failOn: error\n', '.github/workflows/keyward.yml': 'name: mine\n' });
    const run = runCli(['init', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(read(repo, '.keyward.yml')).toBe('failOn: error\n');
    expect(read(repo, '.github/workflows/keyward.yml')).toBe('name: mine\n');
    expect(run.stderr).toContain('a keyward config is already here: left as it is');
  });

  it('on a terminal it lists what it will do and asks once; no means nothing is written', () => {
    const repo = TempRepo.init();
    repo.commit('app', { 'README.md': '# app\n' });
    const asked = (answer: string) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} init`, '/dev/null'], { cwd: repo.dir, input: `${answer}\n`, encoding: 'utf8' });
    const no = asked('n');
    expect(no.stdout).toContain('  - write a commented .keyward.yml');
    expect(no.stdout).toContain('Go ahead? [Y/n]');
    expect(existsSync(join(repo.dir, '.keyward.yml'))).toBe(false);
    asked(''); // the default is yes
    expect(existsSync(join(repo.dir, '.keyward.yml'))).toBe(true);
  });

  it("keeps another tool's pre-commit hook, and says how to chain keyward to it", () => {
    const repo = TempRepo.init();
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\nexit 0\n');
    const run = runCli(['init', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/left the pre-commit hook as it is: .*pre-commit is another tool's hook: --chain runs it before keyward/);
    expect(read(repo, '.git/hooks/pre-commit')).toBe('#!/bin/sh\nexit 0\n');
    expect(existsSync(join(repo.dir, '.keyward.yml'))).toBe(true);
  });

  it('outside git: only the config', () => {
    const dir = tempTree({ 'a.txt': 'hello\n' });
    const run = runCli(['init', '--yes'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, '.keyward.yml'))).toBe(true);
    expect(run.stderr).toContain('not a git repository: no pre-commit hook, no CI job');
  });
});
