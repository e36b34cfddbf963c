import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../src/sinks/outbox.js';
import type { RevokePayload } from '../../src/sinks/revoke-payload.js';
import { TempRepo } from '../helpers/git-repo.js';
import { randomHex } from '../helpers/keys.js';

function payload(): RevokePayload {
  return {
    schema: 'keyward.revoke/v1',
    id: `kwf_${randomHex(32)}`,
    rule: 'smartpay-live-secret-key',
    vendor: 'Smartpay',
    keyType: { kind: 'secret', mode: 'live' },
    fingerprint: randomHex(64),
    preview: 'sk_live_…abcd',
    repository: null,
    commit: null,
    path: 'a.ts',
    line: 1,
    blobUrl: null,
    detectedAt: new Date().toISOString(),
    secret: 'sk_live_never_written_to_disk',
  };
}

describe('the revoke outbox', () => {
  it('outbox: two handles on one file keep each other\'s records (each change re-reads under the lock)', async () => {
    const file = join(TempRepo.init().dir, '.keyward/revoke-outbox.json');
    const first = Outbox.open(file);
    const second = Outbox.open(file);
    const [a, b, c] = [payload(), payload(), payload()];
    await Promise.all([first.markFailed(a, 2, 'HTTP 503'), second.markDelivered(b), first.markDelivered(c), second.markFailed(a, 1, 'HTTP 500')]);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(data.delivered).sort()).toEqual([b.fingerprint, c.fingerprint].sort());
    expect(data.pending[a.fingerprint]).toMatchObject({ attempts: 3 });
    expect(readFileSync(file, 'utf8')).not.toContain('never_written');
  });

  it('outbox: a key claimed by a live process is left to it; a claim of a process that is gone is taken over', async () => {
    const file = join(TempRepo.init().dir, '.keyward/revoke-outbox.json');
    const p = payload();
    const mine = Outbox.open(file);
    expect((await mine.claim([p.fingerprint])).claimed.has(p.fingerprint)).toBe(true);
    // Another process (the parent of this test runner is alive) holding the claim:
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.inFlight[p.fingerprint].pid = process.ppid;
    writeFileSync(file, JSON.stringify(data));
    expect((await Outbox.open(file).claim([p.fingerprint])).elsewhere.has(p.fingerprint)).toBe(true);
    // A process that exited long ago: its claim is stale.
    data.inFlight[p.fingerprint].pid = 2 ** 22 + 12345;
    writeFileSync(file, JSON.stringify(data));
    expect((await Outbox.open(file).claim([p.fingerprint])).claimed.has(p.fingerprint)).toBe(true);
  });

  it('outbox: the .keyward/ folder it creates gets a .gitignore of *, so it never shows in git status', async () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '#\n' });
    const outbox = Outbox.open(join(repo.dir, '.keyward/revoke-outbox.json'));
    await outbox.markDelivered(payload());
    expect(readFileSync(join(repo.dir, '.keyward/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' })).toBe('');
    // A folder that already existed is the user's: left as it is.
    repo.write('state/keep.txt', 'x');
    Outbox.open(join(repo.dir, 'state/outbox.json'));
    expect(existsSync(join(repo.dir, 'state/.gitignore'))).toBe(false);
  });
});
