import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** As root every file is readable: the unreadable-file case runs the CLI as `nobody`, where nobody can run it. */
const asRoot = process.getuid?.() === 0;
const unprivileged = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const canDropPrivileges =
  !asRoot || spawnSync(unprivileged[0]!, [...unprivileged.slice(1), process.execPath, CLI, '--version']).status === 0;

function leakyTree() {
  const live = key.smartpayLive();
  const test = key.accelebitTest();
  const root = tempTree({
    'server/pay.ts': `export const client = new Smartpay("${live}");\n`,
    'scripts/seed.sh': `curl -H "X-API-Key: ${test}" https://api.gateway.accelebit.com/v1/payments\n`,
    'README.md': '# demo\nUse `sk_test_Ho1BrYTcg3gAX4vTKk1taz` from the docs.\n',
  });
  return { root, live, test };
}

describe('keyward scan (built CLI)', () => {
  it('prints findings grouped by file, redacted, with a summary, and exits 1', () => {
    const { root, live, test } = leakyTree();
    const run = runCli(['scan'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('server/pay.ts');
    expect(run.stdout).toContain(`sk_live_…${live.slice(-4)}`);
    expect(run.stdout).toMatch(/✖ 2 findings \(1 error, 1 warning, 0 info\) in 3 files/);
    expect(run.stdout + run.stderr).not.toContain(live.slice(8));
    expect(run.stdout + run.stderr).not.toContain(test.slice(14));
  });

  it('exits 0 on a clean tree, and below the --fail-on threshold', () => {
    expect(runCli(['scan'], { cwd: tempTree({ 'a.ts': 'export const a = 1;\n' }) }).status).toBe(0);
    const root = tempTree({ 'a.sh': `export SMARTPAY=${key.smartpayTest()}\n` });
    expect(runCli(['scan'], { cwd: root }).status).toBe(1);
    expect(runCli(['scan', '--fail-on', 'error'], { cwd: root }).status).toBe(0);
    expect(runCli(['scan', '--fail-on', 'never'], { cwd: root }).status).toBe(0);
  });

  it('writes JSON, SARIF and GitHub annotations, none with a secret in clear', () => {
    const { root, live, test } = leakyTree();
    const json = JSON.parse(runCli(['scan', '-f', 'json'], { cwd: root }).stdout);
    expect(json.findings).toHaveLength(2);
    expect(json.summary).toMatchObject({ findings: 2, filesScanned: 3 });

    const sarifRun = runCli(['scan', '--format', 'sarif', '--output', 'out/keyward.sarif'], { cwd: root });
    expect(sarifRun.status).toBe(1);
    const sarifText = readFileSync(join(root, 'out/keyward.sarif'), 'utf8');
    const sarif = JSON.parse(sarifText);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.partialFingerprints['keyward/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(result.locations[0].physicalLocation.artifactLocation).toMatchObject({ uriBaseId: '%SRCROOT%' });
      expect(result.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
    }
    expect(ruleIds).toContain('smartpay-live-secret-key');
    expect(run.tool.driver.rules[0].help.text.length).toBeGreaterThan(10);

    const github = runCli(['scan', '-f', 'github'], { cwd: root }).stdout.trim().split('\n');
    expect(github).toHaveLength(2);
    expect(github.find((l) => l.includes('server/pay.ts'))).toMatch(/^::error file=server\/pay\.ts,line=1,endLine=1,col=\d+,/);
    expect(github.find((l) => l.includes('seed.sh'))).toMatch(/^::warning /);

    for (const text of [JSON.stringify(json), sarifText, github.join('\n')]) {
      expect(text).not.toContain(live.slice(8));
      expect(text).not.toContain(test.slice(14));
    }
  });

  it('prints a secret in clear only with --show-secrets', () => {
    const { root, live } = leakyTree();
    expect(runCli(['scan', '--show-secrets'], { cwd: root }).stdout).toContain(live);
  });

  it('reads standard input with "-"', () => {
    const secret = key.smartpayLive();
    const run = runCli(['scan', '-', '-f', 'json'], { cwd: tempTree(), input: `key: ${secret}\n` });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings[0].location).toMatchObject({ path: '<stdin>', line: 1, column: 6 });
    // After lines of 4-byte characters: the keyword pass over the bytes still places the key in the text.
    const emoji = runCli(['scan', '-', '-f', 'json'], { cwd: tempTree(), input: `${`# ${'😀'.repeat(200)}\n`.repeat(3)}😀 key: ${secret}\n` });
    expect(JSON.parse(emoji.stdout).findings.map((f: { location: object }) => f.location)).toEqual([expect.objectContaining({ line: 4, column: '😀 key: '.length + 1 })]);
  });

  it('reports files over --max-file-size as skipped and still finds the rest', () => {
    const root = tempTree({ 'big.js': `// ${'x'.repeat(4096)}\nk="${key.smartpayLive()}"`, 'a.ts': `k="${key.smartpayLive()}"` });
    const run = runCli(['scan', '--max-file-size', '2KB', '-f', 'json'], { cwd: root });
    const json = JSON.parse(run.stdout);
    expect(json.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['a.ts']);
    expect(json.skipped).toEqual([expect.objectContaining({ path: 'big.js', reason: 'too-large' })]);
  });

  it('gives a bad config one line naming file and line, exit 2, no stack trace', () => {
    const root = tempTree({ '.keyward.yml': 'rules:\n  generic-api-key: off\nfailOn: sometimes\n', 'a.ts': '' });
    const run = runCli(['scan'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/\.keyward\.yml:3: failOn: /);
    expect(run.stderr).not.toMatch(/\s+at /);
  });

  it('gives bad usage exit 2 and one line', () => {
    const run = runCli(['scan', '--fail-on', 'sometimes'], { cwd: tempTree() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^keyward: .*fail-on/);
    expect(runCli(['scna'], { cwd: tempTree() }).status).toBe(2);
  });

  it('applies the config found upward: ignores, rule settings and allowlist', () => {
    const allowed = key.smartpayLive();
    const root = tempTree({
      '.keyward.yml': `ignore: ["legacy/**"]\nrules:\n  smartpay-test-secret-key: off\nallowlist:\n  values: ["${allowed}"]\n`,
      'legacy/old.ts': `k = "${key.smartpayLive()}"`,
      'src/test-key.ts': `k = "${key.smartpayTest()}"`,
      'src/shared.ts': `k = "${allowed}"`,
    });
    const run = runCli(['scan', 'src'], { cwd: root });
    expect(run.status).toBe(0);
  });

  it.runIf(canDropPrivileges)('reports an unreadable file and scans the others (as an unprivileged user when run as root)', () => {
    const secret = key.smartpayLive();
    const root = tempTree({ 'locked.ts': `k = "${key.smartpayLive()}"`, 'open.ts': `k = "${secret}"` });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'open.ts'), 0o644);
    chmodSync(join(root, 'locked.ts'), 0);
    const prefix = asRoot ? unprivileged : [];
    const run = runCli(['scan', '-f', 'json'], { cwd: root, prefix });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.skipped).toEqual([expect.objectContaining({ path: 'locked.ts', reason: 'unreadable', detail: 'EACCES' })]);
    expect(json.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['open.ts']);
  });
});

describe('keyward scan in the formats other CI systems read (built CLI)', () => {
  it('--format junit and --format csv, to standard output or a file', () => {
    const secret = key.accelebitLive();
    const root = tempTree({ 'server/pay.ts': `export const key = "${secret}";\n` });
    const junit = runCli(['scan', '.', '-f', 'junit'], { cwd: root });
    expect(junit.status).toBe(1);
    expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="keyward" tests="1" failures="1"/);
    const csv = runCli(['scan', '.', '-f', 'csv', '-o', 'report.csv'], { cwd: root });
    expect(csv.status).toBe(1);
    const text = readFileSync(join(root, 'report.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('severity,validity,rule,vendor,title,path,line,column,commit,author,date,preview,fingerprint,remediation');
    expect(text.split('\r\n')[1]).toMatch(/^error,,accelebit-live-secret-key,Accelebit,Accelebit live secret key,server\/pay\.ts,1,/);
    for (const out of [junit.stdout, text]) expect(out).not.toContain(secret);
  });
});
