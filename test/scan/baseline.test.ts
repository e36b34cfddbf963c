import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineOf, BaselineError, readBaseline, writeBaseline } from '../../src/scan/baseline.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { detectIn, detectorWith } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const resultOf = (findings: ScanResult['findings']): ScanResult => ({ findings, skipped: [], filesScanned: 1, bytesScanned: 1, durationMs: 1 });

describe('baseline', () => {
  it('records fingerprints and redacted previews, never the key, even with --show-secrets', async () => {
    const secret = key.smartpayLive();
    const findings = detectIn(`k = "${secret}"`, 'a.ts', await detectorWith({}, { showSecrets: true }));
    const file = join(tempTree(), 'b.json');
    writeBaseline(file, baselineOf(findings));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret.slice(8));
    expect(readBaseline(file).entries[0]).toMatchObject({ ruleId: 'smartpay-live-secret-key', path: 'a.ts', preview: `sk_live_…${secret.slice(-4)}` });
  });

  it('leaves out known findings, keeps new ones, and lists stale entries', () => {
    const known = detectIn(`k = "${key.smartpayLive()}"`);
    const gone = detectIn(`k = "${key.smartpayLive()}"`, 'old.ts');
    const baseline = baselineOf([...known, ...gone]);
    const fresh = detectIn(`k = "${key.accelebitLive()}"`);
    const result = applyBaseline(resultOf([...known, ...fresh]), baseline);
    expect(result.findings).toEqual(fresh);
    expect(result.baselined).toBe(1);
    expect(result.staleBaseline?.map((e) => e.path)).toEqual(['old.ts']);
  });

  it('refuses a file that is not a keyward baseline, naming it', () => {
    const file = join(tempTree(), 'x.json');
    writeFileSync(file, '{"entries": 3}');
    expect(() => readBaseline(file)).toThrow(BaselineError);
    expect(() => readBaseline(file)).toThrow(/x\.json: not a keyward baseline/);
    expect(() => readBaseline(join(tempTree(), 'missing.json'))).toThrow(/missing\.json: cannot read the baseline \(ENOENT\)/);
  });
});
