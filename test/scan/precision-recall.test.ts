import { describe, expect, it } from 'vitest';
import { projectFiles, type CorpusFile } from '../../bench/corpus.mjs';
import { configSchema } from '../../src/config/schema.js';
import { createDetector } from '../../src/scan/create-detector.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { tempTree } from '../helpers/temp-dir.js';

/**
 * A polyglot tree (TS/TSX, Python, Go, Ruby, Kotlin, Swift, shell, Dockerfile, YAML, .env, Markdown, a notebook,
 * a minified bundle, a lock file) with planted leaks and many decoys of every kind keyward must not report:
 * public keys, env lookups, placeholders, documentation samples, redacted keys, hashes, UUIDs, base64 images,
 * integrity fields. Expected leaks come from the generator, which knows what it planted.
 */
describe('precision and recall on a generated polyglot corpus', () => {
  it('finds the planted leaks and stays quiet on the decoys (both ≥ 0.95)', async () => {
    const files: CorpusFile[] = [];
    for (let i = 0; i < 30; i++) files.push(...projectFiles(`project-${i}`, i % 3 !== 0));
    const root = tempTree(Object.fromEntries(files.map((f) => [f.path, f.content])));
    const expected = files.flatMap((f) => f.leaks);

    const result = await scanFiles(['.'], await createDetector(configSchema.parse({})), {
      cwd: root,
      ignore: [],
      ignoreBase: root,
      maxFileSize: 1024 * 1024,
    });

    const key = (x: { path: string; line: number; ruleId: string }) => `${x.path}:${x.line}:${x.ruleId}`;
    const found = new Set(result.findings.map((f) => key({ ...f.location, ruleId: f.ruleId })));
    const planted = new Set(expected.map(key));
    const truePositives = [...found].filter((k) => planted.has(k));
    const precision = truePositives.length / found.size;
    const recall = truePositives.length / planted.size;
    const falsePositives = [...found].filter((k) => !planted.has(k));
    const missed = [...planted].filter((k) => !found.has(k));

    expect(planted.size).toBeGreaterThan(300);
    expect(precision, `false positives: ${falsePositives.slice(0, 5).join(', ')}`).toBeGreaterThanOrEqual(0.95);
    expect(recall, `missed: ${missed.slice(0, 5).join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
