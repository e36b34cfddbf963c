import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createDetector } from '../../src/scan/create-detector.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('a large tree, scanned by worker threads (built CLI)', () => {
  it('finds exactly what a scan on one thread finds, secrets included under --show-secrets', async () => {
    const files: Record<string, string> = {};
    const planted: string[] = [];
    for (let i = 0; i < 900; i++) {
      const secret = i % 7 === 0 ? key.smartpayLive() : undefined;
      if (secret) planted.push(secret);
      files[`pkg-${i % 30}/src/file-${i}.ts`] = `export const n${i} = ${i};\n${secret ? `export const k = "${secret}";\n` : ''}`;
    }
    files['broken.bin'] = '\u0000\u0001';
    const root = tempTree(files);

    const single = await scanFiles(['.'], await createDetector(configSchema.parse({})), { cwd: root, ignore: [], ignoreBase: root, maxFileSize: 1 << 20 });
    const run = runCli(['scan', '-f', 'json', '--show-secrets'], { cwd: root });
    const parallel = JSON.parse(run.stdout);

    const keyOf = (f: { ruleId: string; location: { path: string; line: number; column: number } }) => `${f.location.path}:${f.location.line}:${f.location.column}:${f.ruleId}`;
    expect(parallel.findings.map(keyOf)).toEqual(single.findings.map(keyOf));
    expect(parallel.findings.map((f: { preview: string }) => f.preview).sort()).toEqual([...planted].sort());
    expect(parallel.summary.filesScanned).toBe(single.filesScanned);
    expect(parallel.skipped).toEqual(single.skipped);
  });
});
