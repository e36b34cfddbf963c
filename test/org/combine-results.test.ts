import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { combineResults } from '../../src/org/combine-results.js';
import type { ScanResult } from '../../src/scan/scan-result.js';

function finding(fingerprint: string, repository: string, date: string, isNew?: boolean): Finding {
  return {
    ruleId: 'r',
    title: 't',
    severity: 'error',
    message: 'm',
    remediation: 'x',
    snippet: 's',
    preview: 'p',
    fingerprint,
    location: { repository, path: 'a.js', line: 1, column: 1, endColumn: 5, commit: `c-${repository}`, date },
    ...(isNew !== undefined ? { new: isNew } : {}),
  };
}

function part(repository: string, findings: Finding[]): ScanResult {
  return {
    findings,
    skipped: [{ repository, path: 'big.bin', reason: 'too-large' }],
    filesScanned: 2,
    bytesScanned: 100,
    durationMs: 10,
    commitsScanned: 3,
    notes: [`${repository}: note`],
    repositories: [{ repository, status: 'scanned', commitsScanned: 3, durationMs: 10 }],
  };
}

const parts = [
  part('c', [finding('shared', 'c', '2024-01-03T00:00:00Z', false), finding('own-c', 'c', '2024-01-01T00:00:00Z', true)]),
  part('a', [finding('shared', 'a', '2024-01-02T00:00:00Z', true)]),
  part('b', [finding('shared', 'b', '2024-01-02T00:00:00Z', false)]),
];

describe('combineResults', () => {
  it('reports a shared key once, at its earliest introduction, with every location, new when any part says so', () => {
    const result = combineResults(parts);
    expect(result.findings.map((f) => f.fingerprint)).toEqual(['shared', 'own-c']);
    const shared = result.findings[0]!;
    expect(shared.location.repository).toBe('a'); // same date as b: the name settles it
    expect(shared.locations!.map((l) => l.repository)).toEqual(['a', 'b', 'c']);
    expect(shared.new).toBe(true);
    expect(result.findings[1]!.locations).toBeUndefined();
    expect(result.repositories!.map((r) => r.repository)).toEqual(['a', 'b', 'c']);
    expect(result).toMatchObject({ filesScanned: 6, bytesScanned: 300, commitsScanned: 9 });
    expect(result.skipped.map((s) => s.repository)).toEqual(['a', 'b', 'c']);
  });

  it('gives the same answer in any order and any grouping (shards merged = one machine)', () => {
    const all = JSON.stringify(combineResults(parts));
    expect(JSON.stringify(combineResults([...parts].reverse()))).toBe(all);
    expect(JSON.stringify(combineResults([combineResults([parts[0]!, parts[2]!]), parts[1]!]))).toBe(all);
    // Through JSON and back, as a shard's report reaches the merge.
    const shard = JSON.parse(JSON.stringify(combineResults([parts[1]!, parts[2]!]))) as ScanResult;
    expect(JSON.stringify(combineResults([parts[0]!, { ...shard, linesRead: new Map() }]))).toBe(all);
  });
});
