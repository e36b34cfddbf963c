import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startVendorServer } from '../helpers/vendor-server.js';
import { STAND_INS } from '../helpers/vendor-stand-ins.js';

const bundle = join(packageRoot(), 'action/index.mjs');

/** The committed bundle as the runner starts it, without blocking this process (it serves the stand-in). */
function runAction(workspace: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; summary: string }> {
  const summary = join(tempTree(), 'summary.md');
  writeFileSync(summary, '');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle], {
      cwd: workspace,
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, XDG_CACHE_HOME: tempTree(), 'INPUT_MODE': 'tree', ...env },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (part: string) => (stdout += part));
    child.on('close', (status) => resolve({ status, stdout, summary: readFileSync(summary, 'utf8') }));
  });
}

describe('the GitHub Action with verify: true', () => {
  it('fails on an active key only with fail-on-validity: active, and says so in annotations and the summary', async () => {
    const accelebit = await startVendorServer(STAND_INS.accelebit);
    const secret = key.accelebitLive();
    const workspace = tempTree({ 'server/pay.ts': `export const key = "${secret}";\n` });
    const env = { INPUT_VERIFY: 'true', 'INPUT_FAIL-ON-VALIDITY': 'active', KEYWARD_VERIFY_ORIGINS: JSON.stringify({ '*': accelebit.origin }) };

    const dead = await runAction(workspace, env);
    expect(dead.status).toBe(0);
    expect(dead.stdout).toContain('keyward: 1 finding(s), 0 with validity active');
    expect(dead.stdout).toMatch(/title=keyward%3A inactive key%3A Accelebit live secret key::/);

    accelebit.activate(secret);
    const live = await runAction(workspace, env);
    expect(live.status).toBe(1);
    expect(live.stdout).toMatch(/^::error file=server\/pay\.ts,.*title=keyward%3A ACTIVE key%3A Accelebit live secret key::/m);
    expect(live.summary).toContain('| 🔴 error | **active** |');
    expect(accelebit.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(live.stdout + live.summary).not.toContain(secret);
  });

  it('without the input, nothing is sent', async () => {
    const accelebit = await startVendorServer(STAND_INS.accelebit);
    const workspace = tempTree({ 'server/pay.ts': `export const key = "${key.accelebitLive()}";\n` });
    const run = await runAction(workspace, { KEYWARD_VERIFY_ORIGINS: JSON.stringify({ '*': accelebit.origin }) });
    expect(run.status).toBe(1);
    expect(accelebit.requests).toHaveLength(0);
  });

  it('refuses a verify input that is not true or false', async () => {
    const run = await runAction(tempTree(), { INPUT_VERIFY: 'yes' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('input verify must be true or false, not "yes"');
  });
});
