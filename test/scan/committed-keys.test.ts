import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { builtinRules } from '../../src/scan/create-detector.js';
import { scanDiff } from '../../src/scan/scan-diff.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { scanHistory } from '../../src/scan/scan-history.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/scan/scan-result.js';
import { openRepository } from '../../src/sources/repository.js';
import { defaultDetector } from '../helpers/detector.js';
import { TempRepo } from '../helpers/git-repo.js';
import { expandTemplate, key } from '../helpers/keys.js';

/** Real private keys in every PEM encoding Node writes: what `openssl genrsa` and friends print. */
function realPrivateKeys(): Record<string, string> {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  return {
    'keys/rsa-pkcs1.pem': rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    'keys/rsa-pkcs8.pem': rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    'keys/rsa-encrypted.pem': rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
    'keys/ec-sec1.pem': ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
    'keys/ed25519.pem': ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    'keys/dsa.pem': dsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** Every example of every multi-line rule (OpenSSH, PGP, PuTTY…), with fresh random bodies, each in a file of its own. */
async function multilineRuleExamples(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const rules = (await builtinRules()).rules.map((rule) => rule.definition).filter((rule) => rule.multiline);
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) {
    rule.examples.leaks.forEach((example, index) => {
      const text = typeof example === 'string' ? example : example.text;
      files[`examples/${rule.id}-${index}.txt`] = `${expandTemplate(text)}\n`;
    });
  }
  return files;
}

const where = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}:${f.location.column}`).sort();

describe('nothing committed slips through', () => {
  it('history, staged and diff scans find every private-key format the tree scan finds, at the same places', async () => {
    const repo = TempRepo.init();
    const base = repo.commit('init', { 'README.md': '# keys\n' });
    const files = { ...realPrivateKeys(), ...(await multilineRuleExamples()) };
    // A key inside a file that already had lines, so that it is not the whole file.
    files['config/app.ts'] = `export const name = "app";\nexport const key = \`${realPrivateKeys()['keys/rsa-pkcs8.pem']}\`;\n`;
    for (const [path, content] of Object.entries(files)) repo.write(path, content);
    repo.git('add', '-A');

    const tree = await scanFiles(['.'], defaultDetector, { cwd: repo.dir, ignore: [], ignoreBase: repo.dir, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    const expected = where(tree.findings).filter((line) => !line.includes('README'));
    expect(expected.length).toBeGreaterThanOrEqual(Object.keys(files).length);

    const staged = await scanDiff(repo.dir, defaultDetector, { staged: true, ignore: [], ignoreBase: repo.dir });
    expect(where(staged.findings)).toEqual(expected);

    repo.git('commit', '-q', '-m', 'keys');
    const diff = await scanDiff(repo.dir, defaultDetector, { range: `${base}..HEAD`, ignore: [], ignoreBase: repo.dir });
    expect(where(diff.findings)).toEqual(expected);

    const history = await scanHistory(await openRepository(repo.dir), defaultDetector, { ignore: [], ignoreBase: repo.dir });
    // History reports one finding per secret, with every file that holds it: a hygiene rule's match (the same
    // Accelebit URL in several files) is one finding there, listing the files.
    const isHygiene = (line: string) => line.startsWith('accelebit-post-without-idempotency-key ');
    expect(where(history.findings).filter((line) => !isHygiene(line))).toEqual(expected.filter((line) => !isHygiene(line)));
    const hygieneFiles = history.findings.filter((f) => isHygiene(`${f.ruleId} `)).flatMap((f) => f.history?.files ?? []);
    expect(hygieneFiles.sort()).toEqual(expected.filter(isHygiene).map((line) => line.split(' ')[1]!.split(':')[0]!));
  });

  it('a tree scan in a git repository reads tracked files that .gitignore matches; untracked ignored files stay skipped', async () => {
    const repo = TempRepo.init();
    const committedEarly = key.smartpayLive();
    const forced = key.accelebitLive();
    const untracked = key.smartpayLive();
    repo.commit('config before the pattern', { 'config/secrets.ts': `k = "${committedEarly}"\n` });
    repo.commit('ignore it now', { '.gitignore': 'config/\nbuild/\n*.local.ts\n' });
    repo.write('build/out.js', `k = "${forced}"\n`);
    repo.git('add', '-f', 'build/out.js');
    repo.git('commit', '-q', '-m', 'force-added');
    repo.write('app.local.ts', `k = "${untracked}"\n`);
    repo.write('build/scratch.js', `k = "${untracked}"\n`);

    const result = await scanFiles(['.'], defaultDetector, { cwd: repo.dir, ignore: [], ignoreBase: repo.dir, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(result.findings.map((f) => f.location.path).sort()).toEqual(['build/out.js', 'config/secrets.ts']);
    // From a subfolder too, with paths as the user gave them.
    const sub = await scanFiles(['config'], defaultDetector, { cwd: repo.dir, ignore: [], ignoreBase: repo.dir, maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(sub.findings.map((f) => f.location.path)).toEqual(['config/secrets.ts']);
  });

  it('a history scan that meets an object git cannot read reports it and goes on', async () => {
    const repo = TempRepo.init();
    const first = key.smartpayLive();
    const beside = key.accelebitLive();
    const later = key.smartpayLive();
    repo.commit('one', { 'a.ts': `k = "${first}"\n`, 'logo.gif': Buffer.from('GIF89a\x00\x01binary', 'latin1') });
    repo.commit('two', { 'b.ts': `k = "${beside}"\n`, 'c.txt': 'lost\n' });
    repo.commit('three', { 'd.ts': `k = "${later}"\n` });
    // A partial mirror: two blobs are gone from the object store.
    for (const spec of ['HEAD~2:logo.gif', 'HEAD~1:c.txt']) {
      const sha = repo.git('rev-parse', spec).trim();
      execFileSync('rm', ['-f', join(repo.dir, '.git/objects', sha.slice(0, 2), sha.slice(2))]);
    }
    const result = await scanHistory(await openRepository(repo.dir), defaultDetector, { ignore: [], ignoreBase: repo.dir, jobs: 1 });
    expect(result.findings.map((f) => f.location.path).sort()).toEqual(['a.ts', 'b.ts', 'd.ts']);
    expect(result.commitsScanned).toBe(3);
    expect(result.skipped.map((s) => [s.path, s.reason])).toEqual(
      expect.arrayContaining([
        ['logo.gif', 'unreadable'],
        ['c.txt', 'unreadable'],
      ]),
    );
    expect(result.skipped.every((s) => /git cannot read object [0-9a-f]{12} in commit [0-9a-f]{12}/.test(s.detail ?? ''))).toBe(true);
  });
});
