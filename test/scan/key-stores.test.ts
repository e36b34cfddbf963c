import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { scanDiff } from '../../src/scan/scan-diff.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { scanHistory } from '../../src/scan/scan-history.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/scan/scan-result.js';
import { openRepository } from '../../src/sources/repository.js';
import { defaultDetector } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';

/** Binary content, as a key store's DER is: a NUL byte early on, random bytes after. */
const binary = () => Buffer.concat([Buffer.from([0x30, 0x82, 0x00]), randomBytes(600)]);

const keyStores = () => ({
  'android/app/release.keystore': binary(),
  'certs/client.p12': binary(),
  'certs/server.pfx': binary(),
  'src/main/resources/truststore.jks': binary(),
  'deploy/id_ed25519': binary(),
  'deploy/id_ed25519.pub': binary(),
  'assets/logo.png': binary(),
});

const found = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.location.path}`).sort();
const EXPECTED = [
  'committed-key-store android/app/release.keystore',
  'committed-key-store certs/client.p12',
  'committed-key-store certs/server.pfx',
  'committed-key-store deploy/id_ed25519',
  'committed-key-store src/main/resources/truststore.jks',
];

describe('key stores committed as files', () => {
  it('key stores: binary .p12, .pfx, .jks, .keystore and id_* files are reported by name in the tree, staged and in history, with one identity', async () => {
    const repo = TempRepo.init();
    const base = repo.commit('init', { 'README.md': '# app\n' });
    for (const [path, content] of Object.entries(keyStores())) repo.write(path, content);

    const tree = await scanFiles(['.'], defaultDetector, { cwd: repo.dir, ignore: [], ignoreBase: repo.dir, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(found(tree.findings)).toEqual(EXPECTED);
    // The picture is still a skipped binary; the key stores are findings, not skips.
    expect(tree.skipped.map((s) => s.path)).toEqual(['assets/logo.png', 'deploy/id_ed25519.pub']);

    repo.git('add', '-A');
    const staged = await scanDiff(repo.dir, defaultDetector, { staged: true, ignore: [], ignoreBase: repo.dir });
    expect(found(staged.findings)).toEqual(EXPECTED);
    repo.git('commit', '-q', '-m', 'keys');
    const range = await scanDiff(repo.dir, defaultDetector, { range: `${base}..HEAD`, ignore: [], ignoreBase: repo.dir });
    expect(found(range.findings)).toEqual(EXPECTED);

    repo.remove('certs/client.p12');
    repo.commit('remove one');
    const history = await scanHistory(await openRepository(repo.dir), defaultDetector, { ignore: [], ignoreBase: repo.dir });
    expect(found(history.findings)).toEqual(EXPECTED);
    const byPath = new Map(history.findings.map((f) => [f.location.path, f]));
    expect(byPath.get('certs/client.p12')!.history!.inCurrentTree).toBe(false);
    expect(byPath.get('certs/server.pfx')!.history!.inCurrentTree).toBe(true);
    // The same file has the same fingerprint in every face, so one baseline serves them all.
    const treePfx = tree.findings.find((f) => f.location.path === 'certs/server.pfx')!;
    expect(byPath.get('certs/server.pfx')!.fingerprint).toBe(treePfx.fingerprint);
    expect(staged.findings.find((f) => f.location.path === 'certs/server.pfx')!.fingerprint).toBe(treePfx.fingerprint);
  });

  it('key stores: a PEM key named id_rsa is found by its content, once', async () => {
    const repo = TempRepo.init();
    const { generateKeyPairSync } = await import('node:crypto');
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    repo.write('deploy/id_rsa', pem);
    const tree = await scanFiles(['.'], defaultDetector, { cwd: repo.dir, ignore: [], ignoreBase: repo.dir, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(found(tree.findings)).toEqual(['private-key deploy/id_rsa']);
  });
});
