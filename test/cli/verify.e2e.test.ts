import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { githubStyleToken, randomAlnum, randomHex } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startVendorServer } from '../helpers/vendor-server.js';
import { STAND_INS } from '../helpers/vendor-stand-ins.js';

/** Stand-ins for four vendors at once, each on its own port, and the environment that routes keyward to them. */
async function vendors() {
  const github = await startVendorServer(STAND_INS.github);
  const slack = await startVendorServer(STAND_INS.slack);
  const accelebit = await startVendorServer(STAND_INS.accelebit);
  const smartlead = await startVendorServer(STAND_INS.smartlead);
  const origins = {
    'https://api.github.com': github.origin,
    'https://slack.com': slack.origin,
    'https://api.gateway.accelebit.com': accelebit.origin,
    'https://server.smartlead.ai': smartlead.origin,
  };
  const env = { KEYWARD_VERIFY_ORIGINS: JSON.stringify(origins), XDG_CACHE_HOME: tempTree() };
  const all = [github, slack, accelebit, smartlead];
  return { github, slack, accelebit, smartlead, env, requests: () => all.flatMap((s) => s.requests) };
}

function project() {
  const keys = {
    liveGithub: githubStyleToken('ghp'),
    deadGithub: githubStyleToken('ghp'),
    liveSlack: `xoxb-${randomHex(6).replace(/\D/g, '7').padEnd(11, '1')}-${randomHex(6).replace(/\D/g, '3').padEnd(12, '2')}-${randomAlnum(24)}`,
    deadAccelebit: `smtgw_sk_live_${randomAlnum(32)}`,
    liveSmartlead: randomAlnum(40),
    password: `${randomAlnum(20)}9`,
  };
  const dir = tempTree({
    'server/a-old.js': `const token = "${keys.deadGithub}";\n`,
    'server/b-pay.js': `const accelebitKey = "${keys.deadAccelebit}";\n`,
    'server/c-github.js': `const token = "${keys.liveGithub}";\n`,
    'server/d-slack.py': `SLACK_BOT = "${keys.liveSlack}"\n`,
    'server/e-leads.py': `requests.get("https://server.smartlead.ai/api/v1/campaigns/?api_key=${keys.liveSmartlead}")\n`,
    'server/f-db.yml': `password: "${keys.password}"\n`,
  });
  return { dir, keys };
}

const json = (stdout: string) => JSON.parse(stdout) as { findings: Array<{ ruleId: string; validity?: string; severity: string; location: { path: string } }>; verify?: { keys: number; requests: number; fromCache: number } };

describe('keyward scan --verify, with loopback stand-ins for several vendors (KEYWARD_VERIFY_ORIGINS)', () => {
  it('asks each vendor once per key, puts active keys first as errors, and never prints a key', async () => {
    const v = await vendors();
    const { dir, keys } = project();
    v.github.activate(keys.liveGithub);
    v.slack.activate(keys.liveSlack);
    v.smartlead.activate(keys.liveSmartlead);

    const run = await runCliAsync(['scan', '.', '--verify', '--format', 'json'], { cwd: dir, env: v.env });
    expect(run.status).toBe(1);
    const report = json(run.stdout);
    const states = Object.fromEntries(report.findings.map((f) => [f.location.path, f.validity ?? 'not verified']));
    expect(states).toEqual({
      'server/a-old.js': 'inactive',
      'server/b-pay.js': 'inactive',
      'server/c-github.js': 'active',
      'server/d-slack.py': 'active',
      'server/e-leads.py': 'active',
      'server/f-db.yml': 'not verified',
    });
    // Active first, in file order among themselves; then the rest in file order.
    expect(report.findings.map((f) => f.location.path)).toEqual([
      'server/c-github.js',
      'server/d-slack.py',
      'server/e-leads.py',
      'server/a-old.js',
      'server/b-pay.js',
      'server/f-db.yml',
    ]);
    expect(report.findings.filter((f) => f.validity === 'active').every((f) => f.severity === 'error')).toBe(true);
    expect(v.github.requests).toHaveLength(2);
    expect([v.slack.requests.length, v.accelebit.requests.length, v.smartlead.requests.length]).toEqual([1, 1, 1]);
    // Nothing but reads: GET, and Slack's documented read-only auth.test POST.
    for (const request of v.requests()) expect(request.method === 'GET' || (request.method === 'POST' && request.path === '/api/auth.test')).toBe(true);
    for (const secret of Object.values(keys)) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
    expect(run.stderr).toContain('verify: 5 key(s), 0 from the cache, 5 request(s): 3 active, 2 inactive, 0 unknown');

    // The cache folder holds hashes only (and compiled code: see compile-cache), and a second run asks nothing
    // about keys it settled.
    const cacheDir = join(v.env.XDG_CACHE_HOME, 'keyward');
    const cacheFiles = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(cacheFiles.map((entry) => entry.name)).toContain('verify-cache.json');
    const cacheText = cacheFiles.map((entry) => readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'latin1')).join('');
    for (const secret of Object.values(keys)) expect(cacheText).not.toContain(secret);
    const again = await runCliAsync(['scan', '.', '--verify', '--format', 'json'], { cwd: dir, env: v.env });
    expect(json(again.stdout).findings.map((f) => f.validity)).toEqual(report.findings.map((f) => f.validity));
    expect(v.requests()).toHaveLength(5);
    expect(json(again.stdout).verify).toMatchObject({ keys: 5, requests: 0, fromCache: 5 });
    // With no cache lifetime, every key is asked again.
    await runCliAsync(['scan', '.', '--verify', '--verify-cache-ttl', '0', '--format', 'json'], { cwd: dir, env: v.env });
    expect(v.requests()).toHaveLength(10);
  });

  it('unknown is not cached: a vendor that failed is asked again next time', async () => {
    const failing = await startVendorServer(undefined, { misbehave: { status: 503 } });
    const { dir } = project();
    const env = { KEYWARD_VERIFY_ORIGINS: JSON.stringify({ '*': failing.origin }), XDG_CACHE_HOME: tempTree() };
    const first = await runCliAsync(['scan', '.', '--verify', '--format', 'json'], { cwd: dir, env });
    expect(json(first.stdout).findings.filter((f) => f.validity).map((f) => f.validity)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(failing.requests).toHaveLength(5);
    await runCliAsync(['scan', '.', '--verify', '--format', 'json'], { cwd: dir, env });
    expect(failing.requests).toHaveLength(10);
  });

  it('--fail-on-validity decides the exit code alone; text, SARIF and GitHub annotations show the state', async () => {
    const v = await vendors();
    const { dir, keys } = project();
    v.github.activate(keys.liveGithub);
    const onlyDead = ['--rules', 'accelebit-live-secret-key'];
    expect((await runCliAsync(['scan', '.', '--verify', ...onlyDead], { cwd: dir, env: v.env })).status).toBe(1);
    expect((await runCliAsync(['scan', '.', '--verify', '--fail-on-validity', 'active', ...onlyDead], { cwd: dir, env: v.env })).status).toBe(0);
    expect((await runCliAsync(['scan', '.', '--verify', '--fail-on-validity', 'active,inactive', ...onlyDead], { cwd: dir, env: v.env })).status).toBe(1);

    const text = await runCliAsync(['scan', '.', '--verify', '--fail-on-validity', 'active'], { cwd: dir, env: v.env });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/error {3}\[ACTIVE\] GitHub token/);
    expect(text.stdout).toContain('[inactive]');
    const sarif = JSON.parse((await runCliAsync(['scan', '.', '--verify', '-f', 'sarif'], { cwd: dir, env: v.env })).stdout);
    expect(sarif.runs[0].results[0].properties.validity).toBe('active');
    const github = await runCliAsync(['scan', '.', '--verify', '-f', 'github'], { cwd: dir, env: v.env });
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=server\/c-github\.js,.*title=keyward%3A ACTIVE key%3A GitHub token::/);
    const markdown = await runCliAsync(['scan', '.', '--verify', '-f', 'markdown'], { cwd: dir, env: v.env });
    expect(markdown.stdout).toContain('| Severity | Validity | Rule |');
    expect(markdown.stdout).toContain('| 🔴 error | **active** |');
  });

  it('without --verify nothing is sent and no finding carries a validity', async () => {
    const v = await vendors();
    const { dir } = project();
    const run = await runCliAsync(['scan', '.', '--format', 'json'], { cwd: dir, env: v.env });
    expect(json(run.stdout).findings.every((f) => f.validity === undefined)).toBe(true);
    expect(v.requests()).toHaveLength(0);
  });

  it('a mistake in a verify flag or KEYWARD_VERIFY_ORIGINS is one line and exit 2, before any scan', async () => {
    const { dir } = project();
    const bad = await runCliAsync(['scan', '.', '--verify', '--fail-on-validity', 'live'], { cwd: dir });
    expect([bad.status, bad.stderr]).toEqual([2, 'keyward: --fail-on-validity takes active, inactive, unknown (comma-separated), not "live"\n']);
    const origins = await runCliAsync(['scan', '.', '--verify'], { cwd: dir, env: { KEYWARD_VERIFY_ORIGINS: 'nope' } });
    expect(origins.status).toBe(2);
    expect(origins.stderr).toMatch(/^keyward: KEYWARD_VERIFY_ORIGINS is not JSON/);
    const stray = await runCliAsync(['scan', '.', '--fail-on-validity', 'active'], { cwd: dir });
    expect([stray.status, stray.stderr]).toEqual([2, 'keyward: --fail-on-validity needs --verify\n']);
    writeFileSync(join(dir, '.keyward.yml'), 'revoke:\n  url: https://hooks.example.com/revoke\n  secretEnv: HOOK_SECRET\n  include: active\n');
    const webhook = await runCliAsync(['scan', '.', '--revoke'], { cwd: dir });
    expect([webhook.status, webhook.stderr]).toEqual([2, 'keyward: revoke.include is "active": run with --verify, so that keyward knows which keys are active\n']);
  });

  it('history --verify asks once about a key that many commits hold', async () => {
    const v = await vendors();
    const token = githubStyleToken('ghp');
    v.github.activate(token);
    const repo = TempRepo.init();
    repo.commit('add', { 'a.js': `const token = "${token}";\n` });
    repo.commit('copy', { 'b.js': `const token = "${token}";\n` });
    repo.commit('again', { 'c.js': `// old\nconst token = "${token}";\n` });
    const run = await runCliAsync(['history', '--verify', '--format', 'json'], { cwd: repo.dir, env: v.env });
    const report = json(run.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.validity).toBe('active');
    expect(v.github.requests).toHaveLength(1);
  });
});
