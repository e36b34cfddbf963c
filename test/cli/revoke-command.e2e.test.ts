import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { githubStyleToken, randomAlnum } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startVendorServer } from '../helpers/vendor-server.js';
import { STAND_INS } from '../helpers/vendor-stand-ins.js';

/**
 * GitHub's credential-revocation API (POST /credentials/revoke, a JSON list, 202 and nothing per token) and Slack's
 * auth.revoke (ok, revoked), as their docs describe them, beside the identity endpoints verification uses.
 */
async function vendors() {
  const github = await startVendorServer(STAND_INS.github, {
    route: (request, active) => {
      if (request.path !== '/credentials/revoke') return undefined;
      if (request.method !== 'POST') return { status: 404, body: '{}' };
      for (const token of (JSON.parse(request.body) as { credentials: string[] }).credentials) active.delete(token);
      return { status: 202, body: '' };
    },
  });
  const slack = await startVendorServer(STAND_INS.slack, {
    route: (request, active) => {
      if (request.path !== '/api/auth.revoke') return undefined;
      const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!active.delete(token)) return { status: 200, body: JSON.stringify({ ok: false, error: 'invalid_auth' }) };
      return { status: 200, body: JSON.stringify({ ok: true, revoked: true }) };
    },
  });
  const accelebit = await startVendorServer(STAND_INS.accelebit);
  const origins = { 'https://api.github.com': github.origin, 'https://slack.com': slack.origin, 'https://api.gateway.accelebit.com': accelebit.origin };
  return { github, slack, accelebit, env: { KEYWARD_VERIFY_ORIGINS: JSON.stringify(origins), XDG_CACHE_HOME: tempTree() } };
}

function project() {
  const keys = {
    github1: githubStyleToken('ghp'),
    github2: githubStyleToken('ghp'),
    deadGithub: githubStyleToken('ghp'),
    slack: `xoxb-1234567890-123456789012-${randomAlnum(24)}`,
    accelebit: `smtgw_sk_live_${randomAlnum(32)}`,
  };
  const dir = tempTree({
    'a.js': `const token = "${keys.github1}";\nconst other = "${keys.github2}";\n`,
    'b.js': `const old = "${keys.deadGithub}";\n`,
    'c.py': `SLACK_BOT = "${keys.slack}"\n`,
    'd.js': `const accelebitKey = "${keys.accelebit}";\n`,
  });
  return { dir, keys };
}

describe('keyward revoke', () => {
  it('revokes only keys verified active in this run, GitHub tokens in one batch, then verifies again', async () => {
    const v = await vendors();
    const { dir, keys } = project();
    for (const token of [keys.github1, keys.github2]) v.github.activate(token);
    v.slack.activate(keys.slack);
    v.accelebit.activate(keys.accelebit);

    const run = await runCliAsync(['revoke', '.', '--yes'], { cwd: dir, env: v.env });
    const revokeCalls = v.github.requests.filter((r) => r.path === '/credentials/revoke');
    expect(revokeCalls).toHaveLength(1);
    expect(JSON.parse(revokeCalls[0]!.body).credentials.sort()).toEqual([keys.github1, keys.github2].sort());
    expect(v.slack.requests.filter((r) => r.path === '/api/auth.revoke')).toHaveLength(1);
    // Verified before (3 GitHub keys) and again after (the 2 revoked).
    expect(v.github.requests.filter((r) => r.path === '/user')).toHaveLength(5);
    expect(run.stderr).toContain('3 of 3 key(s) now inactive');
    expect(run.stderr.match(/revoked: now inactive/g)).toHaveLength(3);
    // Accelebit offers no revocation API: the key is named as still active, and the run fails.
    expect(run.stderr).toMatch(/active but not revocable here \(rotate it at the vendor\): smtgw_sk_live_…/);
    expect(run.status).toBe(1);
    for (const secret of Object.values(keys)) expect(run.stderr + run.stdout).not.toContain(secret);
  });

  it('asks before it acts: without a terminal and without --yes it stops before any request', async () => {
    const v = await vendors();
    const { dir, keys } = project();
    v.github.activate(keys.github1);
    const run = await runCliAsync(['revoke', '.'], { cwd: dir, env: v.env });
    expect([run.status, run.stderr]).toEqual([2, 'keyward: revoke asks before it acts: pass --yes to revoke without a terminal\n']);
    expect(v.github.requests).toHaveLength(0);
  });

  it('--fingerprint picks findings of an earlier report; keys in history are found again with --history', async () => {
    const v = await vendors();
    const repo = TempRepo.init();
    const slack = `xoxb-1234567890-123456789012-${randomAlnum(24)}`;
    const github = githubStyleToken('ghp');
    repo.commit('keys', { 'c.py': `SLACK_BOT = "${slack}"\n`, 'a.js': `const token = "${github}";\n` });
    repo.commit('remove them', { 'c.py': '', 'a.js': '' });
    v.slack.activate(slack);
    v.github.activate(github);
    const report = JSON.parse((await runCliAsync(['history', '--format', 'json'], { cwd: repo.dir, env: v.env })).stdout);
    const slackFinding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'slack-token');
    const run = await runCliAsync(['revoke', '--history', '--yes', '--fingerprint', slackFinding.fingerprint], { cwd: repo.dir, env: v.env });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 of 1 key(s) now inactive');
    expect(v.github.requests).toHaveLength(0);
  });

  it('nothing active: says so and exits 0', async () => {
    const v = await vendors();
    const { dir } = project();
    const run = await runCliAsync(['revoke', '.', '--yes'], { cwd: dir, env: v.env });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('no active key that keyward can revoke');
    expect(v.github.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});
