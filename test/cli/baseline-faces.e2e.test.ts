import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/cli.js';
import { detectIn } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** A repository whose server code holds a live key, baselined through `baseline:` in .keyward.yml. */
function baselinedRepo() {
  const repo = TempRepo.init();
  const secret = key.smartpayLive();
  repo.commit('init', {
    '.keyward.yml': 'baseline: .security/keyward-baseline.json\n',
    'server/pay.ts': `export const client = new Smartpay("${secret}");\n`,
  });
  const recorded = runCli(['baseline'], { cwd: repo.dir });
  expect(recorded.status).toBe(0);
  expect(recorded.stderr).toContain('.security/keyward-baseline.json');
  repo.commit('baseline');
  return { repo, secret };
}

describe('baselines that mean what they say (built CLI, the Action bundle)', () => {
  it('baseline: a baselined server key copied into a client component or a NEXT_PUBLIC_ variable is a new finding', () => {
    const secret = key.smartpayLive();
    const [server] = detectIn(`const k = "${secret}";`, 'server/pay.ts');
    const [client] = detectIn(`'use client';\nconst k = "${secret}";`, 'app/checkout/page.tsx');
    const [exposed] = detectIn(`NEXT_PUBLIC_SMARTPAY_KEY=${secret}`, '.env.example');
    expect(client!.ruleId).toBe('client-side-secret');
    expect(exposed!.ruleId).toBe('browser-exposed-secret');
    expect(new Set([server!.fingerprint, client!.fingerprint, exposed!.fingerprint]).size).toBe(3);

    const { repo, secret: baselined } = baselinedRepo();
    expect(runCli(['scan'], { cwd: repo.dir }).status).toBe(0);
    repo.write('app/checkout/page.tsx', `'use client';\nexport const key = "${baselined}";\n`);
    const run = runCli(['scan', '-f', 'json'], { cwd: repo.dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['client-side-secret']);
  });

  it('baseline: named in .keyward.yml, it is applied by scan, the staged scan, history, the pre-commit hook and the Action', () => {
    const { repo } = baselinedRepo();
    expect(runCli(['scan'], { cwd: repo.dir }).status).toBe(0);
    expect(runCli(['history'], { cwd: repo.dir }).status).toBe(0);
    // The line holding the key is changed and staged (a reformat): the key is known, so the hook lets it through.
    const content = readFileSync(join(repo.dir, 'server/pay.ts'), 'utf8');
    repo.write('server/pay.ts', content.replace(';\n', '; // the payments client\n'));
    repo.git('add', '-A');
    expect(runCli(['scan', '--staged'], { cwd: repo.dir }).status).toBe(0);
    expect(runCli(['scan', '--staged', '--baseline', join(tempTree({ 'empty.json': '{"tool":"keyward","version":1,"createdAt":"","entries":[]}' }), 'empty.json')], { cwd: repo.dir }).status).toBe(1);
    expect(runCli(['install-hook'], { cwd: repo.dir }).status).toBe(0);
    const shim = join(tempTree(), 'keyward');
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${join(packageRoot(), 'dist/cli/keyward.js')}' "$@"\n`, { mode: 0o755 });
    const hooked = spawnSync('git', ['commit', '-q', '-m', 'reformat'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(shim, '..')}:${process.env.PATH}`, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' },
    });
    expect(hooked.status, hooked.stderr).toBe(0);

    const action = spawnSync(process.execPath, [join(packageRoot(), 'action/index.mjs')], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: repo.dir, INPUT_MODE: 'history', 'INPUT_SARIF-FILE': join(tempTree(), 'k.sarif') },
    });
    expect(action.status, action.stdout + action.stderr).toBe(0);
    expect(action.stdout).toContain('0 finding(s)');

    // Without the config's baseline, the same history fails: the config is what made them pass.
    writeFileSync(join(repo.dir, '.keyward.yml'), 'failOn: warning\n');
    expect(runCli(['history'], { cwd: repo.dir }).status).toBe(1);
  });

  it('baseline: the staged scan reports stale entries only for the lines it looked at', () => {
    const { repo } = baselinedRepo();
    repo.write('server/other.ts', 'export const x = 1;\n');
    repo.git('add', '-A');
    const staged = runCli(['scan', '--staged', '-f', 'json'], { cwd: repo.dir });
    expect(staged.status).toBe(0);
    expect(JSON.parse(staged.stdout).staleBaseline).toEqual([]);
    expect(runCli(['scan', '--staged'], { cwd: repo.dir }).stdout).not.toContain('stale baseline entry');
    // Staging a change that replaces the baselined line: that entry was looked for and not found.
    repo.write('server/pay.ts', 'export const client = new Smartpay(process.env.SMARTPAY_SECRET_KEY);\n');
    repo.git('add', '-A');
    const replaced = JSON.parse(runCli(['scan', '--staged', '-f', 'json'], { cwd: repo.dir }).stdout);
    expect(replaced.staleBaseline.map((e: { path: string }) => e.path)).toEqual(['server/pay.ts']);
    // A full tree scan judges every entry.
    expect(runCli(['scan'], { cwd: repo.dir }).stdout).toContain('stale baseline entry');
  });
});
