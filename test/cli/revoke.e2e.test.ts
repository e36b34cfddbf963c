import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startWebhookServer } from '../helpers/webhook-server.js';

const env = { KEYWARD_WEBHOOK_SECRET: 'whsec_cli_test' };

function tree(url: string, extra = '') {
  return tempTree({
    '.keyward.yml': `revoke:\n  url: ${url}\n  secretEnv: KEYWARD_WEBHOOK_SECRET\n  backoffMs: 10\n${extra}`,
    'src/pay.ts': `export const k = "${key.smartpayLive()}";\n`,
  });
}

describe('keyward scan --revoke (built CLI)', () => {
  it('delivers the leaked live key and says so in the summary', async () => {
    const server = await startWebhookServer();
    const root = tree(server.url);
    const run = await runCliAsync(['scan', '--revoke'], { cwd: root, env });
    expect(run.status).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(run.stdout).toContain('revoke: 1 delivered, 0 delivered earlier, 0 failed');
    expect((await runCliAsync(['scan', '--revoke'], { cwd: root, env })).stdout).toContain('revoke: 0 delivered, 1 delivered earlier, 0 failed');
    expect(server.received).toHaveLength(1);
  });

  it('exits 3 when a delivery fails, and --revoke=dry-run sends nothing', async () => {
    const server = await startWebhookServer([{ status: 503 }]);
    const root = tree(server.url, '  maxAttempts: 2\n');
    const dry = await runCliAsync(['scan', '--revoke=dry-run'], { cwd: root, env });
    expect(dry.status).toBe(1);
    expect(dry.stderr).toContain('revoke (dry run): would POST');
    expect(server.received).toHaveLength(0);
    expect(existsSync(join(root, '.keyward'))).toBe(false); // a dry run leaves no state behind
    const run = await runCliAsync(['scan', '--revoke'], { cwd: root, env });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/could not deliver sk_live_…\w{4} \(src\/pay\.ts:1\): HTTP 503 after 2 attempt/);
  });

  it('refuses plain http to another host in the config, naming the line', async () => {
    const root = tree('http://hooks.example.com/keyward');
    const run = await runCliAsync(['scan', '--revoke'], { cwd: root, env });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/\.keyward\.yml:2: revoke\.url: must be https/);
  });

  it('asks for a revoke section when there is none, and for the signing secret when it is not set', async () => {
    const bare = tempTree({ 'a.ts': '' });
    expect(runCli(['scan', '--revoke'], { cwd: bare }).stderr.trim()).toBe('keyward: --revoke needs a "revoke:" section (url, secretEnv) in .keyward.yml');
    const server = await startWebhookServer();
    const run = await runCliAsync(['scan', '--revoke'], { cwd: tree(server.url), env: { KEYWARD_WEBHOOK_SECRET: '' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('keyward: revoke.secretEnv: the environment variable KEYWARD_WEBHOOK_SECRET is not set (it holds the signing secret)');
  });
});
