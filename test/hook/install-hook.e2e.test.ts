import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** An executable `keyward` that runs the built CLI, as npm links one into node_modules/.bin or a global bin folder. */
function keywardShim(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, 'keyward');
  writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** PATH with keyward on it (a global install), or with neither keyward nor npx (only git and sh's folders). */
const withKeyward = () => `${keywardShim(join(tempTree(), 'bin'))}:${process.env.PATH}`;
const withoutKeyward = () => '/usr/bin:/bin';

/** `git commit` in the repo: its exit status and what it printed (the hook's output included). */
function commit(repo: TempRepo, files: Record<string, string>, path = withKeyward()): { status: number; output: string } {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  try {
    const output = execFileSync('git', ['commit', '-q', '-m', 'change'], { cwd: repo.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: path, NO_COLOR: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' } });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('keyward install-hook (a real git pre-commit hook)', () => {
  it('refuses a commit that adds a key, says what and where (redacted) and the two ways out, and accepts a clean one', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    expect(runCli(['install-hook'], { cwd: repo.dir }).status).toBe(0);
    const secret = key.smartpayLive();
    const blocked = commit(repo, { 'src/pay.ts': `export const k = "${secret}";\n` });
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('src/pay.ts');
    expect(blocked.output).toContain(`sk_live_…${secret.slice(-4)}`);
    expect(blocked.output).not.toContain(secret.slice(8));
    expect(blocked.output).toMatch(/commit blocked/);
    expect(blocked.output).toMatch(/keyward-ignore/);
    repo.git('reset', '-q');
    repo.remove('src/pay.ts');
    expect(commit(repo, { 'src/pay.ts': 'export const k = process.env.SMARTPAY_SECRET_KEY;\n' }).status).toBe(0);
  });

  it('installs where core.hooksPath points', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.git('config', 'core.hooksPath', '.githooks');
    runCli(['install-hook'], { cwd: repo.dir });
    expect(existsSync(join(repo.dir, '.githooks/pre-commit'))).toBe(true);
    expect(commit(repo, { 'a.ts': `k = "${key.smartpayLive()}"\n` }).status).not.toBe(0);
  });

  it('refuses to replace a foreign hook, chains to it on request, and uninstalls only its own', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    const ran = join(tempTree(), 'foreign-ran');
    writeFileSync(hook, `#!/bin/sh\ntouch '${ran}'\n`);
    chmodSync(hook, 0o755);

    const refused = runCli(['install-hook'], { cwd: repo.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(/is another tool's hook: --chain runs it before keyward, --force replaces it$/);

    expect(runCli(['install-hook', '--chain'], { cwd: repo.dir }).status).toBe(0);
    expect(commit(repo, { 'a.ts': `k = "${key.smartpayLive()}"\n` }).status).not.toBe(0);
    expect(existsSync(ran)).toBe(true);

    expect(runCli(['install-hook', '--uninstall'], { cwd: repo.dir }).status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain(`touch '${ran}'`);
    const notOurs = runCli(['install-hook', '--uninstall'], { cwd: repo.dir });
    expect(notOurs.status).toBe(2);
    expect(readFileSync(hook, 'utf8')).toContain(`touch '${ran}'`);
  });

  it('replaces a foreign hook with --force', () => {
    const repo = TempRepo.init();
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    expect(runCli(['install-hook', '--force'], { cwd: repo.dir }).status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain('keyward-managed-hook');
  });

  it('works from a linked worktree (the hook lives in the common git dir)', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    const worktree = join(tempTree(), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'wt', worktree);
    expect(runCli(['install-hook'], { cwd: worktree }).status).toBe(0);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
    expect(commit(new TempRepo(worktree), { 'a.ts': `k = "${key.smartpayLive()}"\n` }).status).not.toBe(0);
  });

  it('hook: hard-codes no path to node or keyward, so moving or re-cloning the repository keeps it working', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    expect(runCli(['install-hook'], { cwd: repo.dir }).status).toBe(0);
    const script = readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8');
    expect(script).not.toContain(CLI);
    expect(script).not.toContain(process.execPath);

    // The repository's own node_modules/.bin/keyward, after the folder moved: found, and it blocks the key.
    const moved = join(tempTree(), 'moved-repo');
    renameSync(repo.dir, moved);
    const movedRepo = new TempRepo(moved);
    keywardShim(join(moved, 'node_modules/.bin'));
    writeFileSync(join(moved, '.gitignore'), 'node_modules/\n');
    const secret = key.smartpayLive();
    const blocked = commit(movedRepo, { 'pay.ts': `k = "${secret}"\n` }, withoutKeyward());
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain(`sk_live_…${secret.slice(-4)}`);
    movedRepo.git('reset', '-q');
    movedRepo.remove('pay.ts');
    expect(commit(movedRepo, { 'ok.ts': 'export const ok = 1;\n' }, withoutKeyward()).status).toBe(0);
  });

  it('hook: with keyward nowhere to be found, refuses the commit and says why, rather than letting it through unchecked', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    expect(runCli(['install-hook'], { cwd: repo.dir }).status).toBe(0);
    const refused = commit(repo, { 'ok.ts': 'export const ok = 1;\n' }, withoutKeyward());
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/keyward: not found .*refused/);
    expect(refused.output).toMatch(/--no-verify/);
  });
});
