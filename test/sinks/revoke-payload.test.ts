import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packageRoot } from '../../src/package-root.js';
import { githubRepo, repositoryContext, stripCredentials } from '../../src/sinks/repository-context.js';
import { buildPayload, revokePayloadSchema } from '../../src/sinks/revoke-payload.js';
import { detectIn } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';

describe('revoke payload', () => {
  it('matches the committed JSON Schema (npm run schemas regenerates it)', () => {
    const committed = JSON.parse(readFileSync(join(packageRoot(), 'schemas/revoke-payload.schema.json'), 'utf8'));
    const { $id: _id, title: _title, ...rest } = committed;
    expect(rest).toEqual(z.toJSONSchema(revokePayloadSchema));
  });

  it('names the repository without credentials, the commit, and a GitHub link to the line', () => {
    const repo = TempRepo.init();
    const secret = key.smartpayLive();
    const content = `\n\nk = "${secret}"\n`;
    const sha = repo.commit('init', { 'src/pay.ts': content });
    repo.git('remote', 'add', 'origin', 'https://deploy:ghp_token123@github.com/acme/shop.git');
    repo.git('update-ref', 'refs/remotes/origin/main', sha); // as after a push
    const context = repositoryContext(repo.dir, repo.dir)!;
    const [finding] = detectIn(content, 'src/pay.ts');
    const payload = buildPayload(finding!, context, false, new Date('2026-01-02T03:04:05Z'));
    expect(payload).toMatchObject({
      repository: 'https://github.com/acme/shop.git',
      commit: sha,
      path: 'src/pay.ts',
      line: 3,
      blobUrl: `https://github.com/acme/shop/blob/${sha}/src/pay.ts#L3`,
      detectedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(payload.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(payload).not.toHaveProperty('secret');
  });

  it('payload: links only to a commit the remote has, and never to a file changed or not yet committed', () => {
    const repo = TempRepo.init();
    const pushed = repo.commit('init', { 'src/pay.ts': 'x\n' });
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    repo.git('update-ref', 'refs/remotes/origin/main', pushed);
    const live = `k = "${key.smartpayLive()}"\n`;
    const at = (path: string, commit?: string) => {
      const [finding] = detectIn(live, path);
      if (commit) finding!.location.commit = commit;
      return buildPayload(finding!, repositoryContext(repo.dir, repo.dir)!, false, new Date()).blobUrl;
    };
    // Modified in the work tree, and a file never committed: the link would show other lines, or a 404.
    repo.write('src/pay.ts', live).write('src/new.ts', live);
    expect(at('src/pay.ts')).toBeNull();
    expect(at('src/new.ts')).toBeNull();
    // Committed, but not pushed: the remote has no such commit.
    const local = repo.commit('local only');
    expect(at('src/pay.ts')).toBeNull();
    expect(at('src/pay.ts', local)).toBeNull();
    // Pushed: the link opens.
    repo.git('update-ref', 'refs/remotes/origin/main', local);
    expect(at('src/pay.ts')).toBe(`https://github.com/acme/shop/blob/${local}/src/pay.ts#L1`);
  });

  it('carries the validity --verify found, and null when the run did not verify', () => {
    const [finding] = detectIn(`k = "${key.smartpayLive()}"`);
    expect(buildPayload(finding!, undefined, false, new Date()).validity).toBeNull();
    finding!.validity = 'active';
    const payload = buildPayload(finding!, undefined, false, new Date());
    expect(payload.validity).toBe('active');
    expect(revokePayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('recognises GitHub remotes in every spelling, and strips credentials from any URL', () => {
    for (const url of ['https://github.com/acme/shop.git', 'git@github.com:acme/shop.git', 'ssh://git@github.com/acme/shop', 'https://github.com/acme/shop/']) {
      expect(githubRepo(url), url).toBe('acme/shop');
    }
    expect(githubRepo('https://gitlab.com/acme/shop.git')).toBeUndefined();
    expect(stripCredentials('https://user:pass@git.example.com/x.git')).toBe('https://git.example.com/x.git');
    expect(stripCredentials('git@github.com:acme/shop.git')).toBe('git@github.com:acme/shop.git');
  });
});
