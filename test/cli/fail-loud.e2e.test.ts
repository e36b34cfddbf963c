import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];

/** As root every folder can be entered: those cases run the CLI as `nobody`, where the machine allows it. */
const asRoot = process.getuid?.() === 0;
const unprivileged = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const canDropPrivileges = !asRoot || spawnSync(unprivileged[0]!, [...unprivileged.slice(1), process.execPath, CLI, '--version']).status === 0;

/** The CLI with a time limit, for the cases that used to hang. */
function runBounded(args: string[], cwd: string, shell?: string) {
  const command = shell ?? `'${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(' ')}`;
  const result = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('silent failures become loud ones (built CLI)', () => {
  it('scan PATH: a path that does not exist is a usage error naming it, exit 2, in every format', () => {
    const root = tempTree({ 'a.ts': `k = "${key.smartpayLive()}"\n` });
    for (const format of FORMATS) {
      const run = runCli(['scan', 'srcc', '--format', format], { cwd: root });
      expect(run.status, format).toBe(2);
      expect(run.stderr.trim(), format).toBe('keyward: srcc: no such file or folder');
      expect(run.stdout, format).toBe('');
    }
    // One wrong path among good ones fails the run too.
    expect(runCli(['scan', 'a.ts', 'missing.ts'], { cwd: root }).status).toBe(2);
  });

  it.runIf(canDropPrivileges)('scan PATH: a folder that cannot be read is exit 2; one inside the tree is listed as skipped', () => {
    const root = tempTree({ 'open/a.ts': `k = "${key.smartpayLive()}"\n`, 'locked/b.ts': `k = "${key.smartpayLive()}"\n` });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'open'), 0o755);
    chmodSync(join(root, 'open/a.ts'), 0o644);
    chmodSync(join(root, 'locked'), 0);
    const prefix = asRoot ? unprivileged : [];
    const named = runCli(['scan', 'locked'], { cwd: root, prefix });
    expect(named.status).toBe(2);
    expect(named.stderr.trim()).toBe('keyward: locked: cannot be read (EACCES)');

    const walked = runCli(['scan', '.', '-f', 'json'], { cwd: root, prefix });
    expect(walked.status).toBe(1);
    const json = JSON.parse(walked.stdout);
    expect(json.skipped).toEqual([expect.objectContaining({ path: 'locked', reason: 'unreadable', detail: 'EACCES' })]);
    expect(json.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['open/a.ts']);
    const text = runCli(['scan', '.'], { cwd: root, prefix });
    expect(text.stdout).toContain('skipped locked: unreadable (EACCES)');
  });

  it('history --since/--range/--branch: a ref that does not resolve is exit 2 naming it; a date stays a date', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.commit('leak', { 'a.ts': `k = "${key.smartpayLive()}"\n` });
    const cases: Array<[string[], RegExp]> = [
      [['--since', 'mian'], /^keyward: --since mian: no such ref in .*, and not a date/],
      [['--range', 'main..featur'], /^keyward: --range main\.\.featur: featur does not name a commit/],
      [['--range', 'mian...main'], /^keyward: --range mian\.\.\.main: mian does not name a commit/],
      [['--branch', 'mian'], /^keyward: --branch mian: mian does not name a commit/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(['history', ...args, '-f', 'github'], { cwd: repo.dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim(), args.join(' ')).toMatch(message);
    }
    // Dates in git's forms, and real refs, still scan.
    for (const since of ['2020-01-01', '2 weeks ago', 'yesterday', 'main~1']) {
      expect(runCli(['history', '--since', since], { cwd: repo.dir }).status, since).not.toBe(2);
    }
    expect(runCli(['history', '--since', '2000-01-01'], { cwd: repo.dir }).status).toBe(1);
    expect(runCli(['history', '--range', 'main~1..main'], { cwd: repo.dir }).status).toBe(1);
  });

  it('a FIFO named on the command line, directly or through a symlink, is skipped and reported, never opened', () => {
    const root = tempTree({ 'a.ts': `k = "${key.smartpayLive()}"\n` });
    expect(spawnSync('mkfifo', [join(root, 'pipe')]).status).toBe(0);
    symlinkSync('pipe', join(root, 'link-to-pipe'));
    for (const name of ['pipe', 'link-to-pipe']) {
      const run = runBounded(['scan', name, 'a.ts', '-f', 'json'], root);
      expect(run.signal, name).toBeNull(); // did not hang until the time limit
      expect(run.status, name).toBe(1);
      const json = JSON.parse(run.stdout);
      expect(json.skipped, name).toEqual([{ path: name, reason: 'not-a-file', detail: 'FIFO' }]);
      expect(json.findings).toHaveLength(1);
    }
    // In a walked folder too.
    const walked = runBounded(['scan', '.'], root);
    expect(walked.status).toBe(1);
    expect(walked.stdout).toMatch(/1 not-a-file/);
  });

  it('standard input honours --max-file-size: skipped and said, and an endless input is not read to the end', () => {
    const root = tempTree();
    // /dev/zero never ends: only a reader that stops at the limit can finish.
    const endless = runBounded([], root, `cat /dev/zero | '${process.execPath}' '${CLI}' scan - --max-file-size 1MB -f json`);
    expect(endless.signal).toBeNull();
    expect(endless.status).toBe(0);
    expect(JSON.parse(endless.stdout).skipped).toEqual([{ path: '<stdin>', reason: 'too-large', detail: 'more than 1048576 bytes' }]);
    const text = runBounded([], root, `head -c 3000000 /dev/zero | '${process.execPath}' '${CLI}' scan - --max-file-size 2MB`);
    expect(text.stdout).toContain('skipped <stdin>: too-large');
    // A limit beyond what one JavaScript string holds (about 512 MB) is lowered to it: skipped, not a crash.
    const huge = runBounded([], root, `head -c 600000000 /dev/zero | '${process.execPath}' '${CLI}' scan - --max-file-size 2GB -f json`);
    expect(huge.stderr).toBe('');
    expect(JSON.parse(huge.stdout).skipped).toEqual([expect.objectContaining({ path: '<stdin>', reason: 'too-large' })]);
    // Under the limit, it is scanned as before.
    const secret = key.smartpayLive();
    const small = runCli(['scan', '-', '--max-file-size', '1MB'], { cwd: root, input: `k = "${secret}"\n` });
    expect(small.status).toBe(1);
  });

  it('writing the report to a path that cannot be created fails at once with exit 2, before any scanning', () => {
    const root = tempTree({ 'a.ts': `k = "${key.smartpayLive()}"\n`, 'not-a-folder': 'x' });
    for (const command of [['scan', '.'], ['baseline', '.']]) {
      const run = runCli([...command, '-o', 'not-a-folder/report.json'], { cwd: root });
      expect(run.status, command[0]).toBe(2);
      expect(run.stderr.trim(), command[0]).toMatch(/^keyward: --output not-a-folder\/report\.json: cannot be written \(\w+\)$/);
      expect(run.stdout).toBe('');
    }
    // A writable path in a folder that does not exist yet is fine, and no empty file is left by the check alone.
    expect(runCli(['scan', '.', '-o', 'out/report.json'], { cwd: root }).status).toBe(1);
    expect(existsSync(join(root, 'out/report.json'))).toBe(true);
  });

  it('a config file that YAML cannot load (an alias bomb) is one line naming the file, never "unexpected error"', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const root = tempTree({ '.keyward.yml': bomb, 'a.ts': '' });
    const run = runCli(['scan'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('unexpected error');
    expect(run.stderr.trim()).toMatch(/^keyward: .*\.keyward\.yml: cannot be loaded: .*alias/i);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a custom rule whose id equals a built-in rule id or another custom rule id is a config error naming both', () => {
    const rule = (id: string) => `  - id: ${id}\n    title: T\n    severity: error\n    keywords: [acme_]\n    regex: 'acme_(?<secret>[a-z0-9]{20})'\n`;
    const builtin = tempTree({ '.keyward.yml': `customRules:\n${rule('aws-access-key-id')}`, 'a.ts': '' });
    const clash = runCli(['scan'], { cwd: builtin });
    expect(clash.status).toBe(2);
    expect(clash.stderr.trim()).toMatch(/\.keyward\.yml:2: customRules\[0\] \(aws-access-key-id\): the id is already the built-in rule aws-access-key-id's/);
    const twice = tempTree({ '.keyward.yml': `customRules:\n${rule('acme-token')}${rule('acme-token')}`, 'a.ts': '' });
    const again = runCli(['scan'], { cwd: twice });
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toMatch(/\.keyward\.yml:7: customRules\[1\] \(acme-token\): the id is already customRules\[0\]'s/);
  });
});
