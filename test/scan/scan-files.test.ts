import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createDetector } from '../../src/scan/create-detector.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const detector = await createDetector(configSchema.parse({}));

function scan(root: string, extra: { ignore?: string[]; maxFileSize?: number; roots?: string[] } = {}) {
  return scanFiles(extra.roots ?? ['.'], detector, {
    cwd: root,
    ignore: extra.ignore ?? [],
    ignoreBase: root,
    maxFileSize: extra.maxFileSize ?? 1024 * 1024,
  });
}

describe('scanFiles', () => {
  it('honours nested .gitignore files, config ignores, and never enters .git', async () => {
    const root = tempTree({
      '.gitignore': 'dist/\n',
      'src/app.ts': `const k = "${key.smartpayLive()}";`,
      'dist/app.js': `const k = "${key.smartpayLive()}";`,
      'web/.gitignore': 'generated.ts\n',
      'web/generated.ts': `const k = "${key.smartpayLive()}";`,
      'vendor/lib.js': `const k = "${key.smartpayLive()}";`,
      '.git/config': `token = "${key.smartpayLive()}"`,
    });
    const result = await scan(root, { ignore: ['vendor/**'] });
    expect(result.findings.map((f) => f.location.path)).toEqual(['src/app.ts']);
  });

  it('scans a file named on the command line even when .gitignore lists it', async () => {
    const root = tempTree({ '.gitignore': '*.env\n', 'prod.env': `API_KEY=${key.smartpayLive()}` });
    const result = await scan(root, { roots: ['prod.env'] });
    expect(result.findings).toHaveLength(1);
  });

  it('completes on binary files, NUL bytes, oversize files, symlink loops, FIFOs and non-ASCII names, losing no finding', async () => {
    const secrets = [key.smartpayLive(), key.accelebitLive(), key.smartpayLive()];
    const root = tempTree({
      'données/clé de paiement.ts': `export const k = "${secrets[0]}";`,
      'crlf.py': `# -*- coding: utf-8 -*-\r\nKEY = "${secrets[1]}"\r\n`,
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'nul.txt': Buffer.concat([Buffer.from(`k="${key.smartpayLive()}"`), Buffer.from([0])]),
      'huge.min.js': 'x'.repeat(2 * 1024 * 1024),
      'latin1.rb': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\nKEY = "${secrets[2]}"\n`)]),
    });
    mkdirSync(join(root, 'loop'));
    symlinkSync(join(root, 'loop'), join(root, 'loop/again'));
    symlinkSync(join(root, 'crlf.py'), join(root, 'link.py'));
    execFileSync('mkfifo', [join(root, 'pipe')]);

    const result = await scan(root);
    expect(result.findings.map((f) => f.location.path).sort()).toEqual(['crlf.py', 'données/clé de paiement.ts', 'latin1.rb']);
    const skipped = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
    expect(skipped).toMatchObject({
      'image.png': 'binary',
      'nul.txt': 'binary',
      'huge.min.js': 'too-large',
      'loop/again': 'symlink',
      'link.py': 'symlink',
      pipe: 'not-a-file',
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and scans the others', async () => {
    const root = tempTree({ 'secret.txt': 'x', 'app.ts': `k = "${key.smartpayLive()}"` });
    chmodSync(join(root, 'secret.txt'), 0);
    const result = await scan(root);
    expect(result.skipped).toEqual([expect.objectContaining({ path: 'secret.txt', reason: 'unreadable' })]);
    expect(result.findings).toHaveLength(1);
  });

  it('reports a path that does not exist and scans the others', async () => {
    const root = tempTree({ 'app.ts': `k = "${key.smartpayLive()}"` });
    const result = await scan(root, { roots: ['nope', '.'] });
    expect(result.skipped).toEqual([expect.objectContaining({ path: 'nope', reason: 'unreadable' })]);
    expect(result.findings).toHaveLength(1);
  });
});
