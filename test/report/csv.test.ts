import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvReporter } from '../../src/report/csv.js';
import { detectIn } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';

const context = { rules: [], failOn: 'warning' as const, color: false, version: '1' };

describe('the CSV report', () => {
  it('round-trips through a CSV parser: a header, then each finding, commas, quotes and line breaks intact', () => {
    const secret = key.accelebitLive();
    const findings = detectIn(`a = "${secret}"`, 'src/a, "quoted"\nname.ts');
    findings[0]!.validity = 'active';
    const text = csvReporter({ findings, skipped: [], filesScanned: 1, bytesScanned: 1, durationMs: 1 }, context);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      severity: 'error',
      validity: 'active',
      rule: 'accelebit-live-secret-key',
      vendor: 'Accelebit',
      path: 'src/a, "quoted"\nname.ts',
      line: '1',
      column: '6',
      commit: '',
      preview: findings[0]!.preview,
      fingerprint: findings[0]!.fingerprint,
    });
    expect(text).not.toContain(secret);
  });

  it('never hands a spreadsheet a formula: cells that would start one get an apostrophe', () => {
    const findings = detectIn(`a = "${key.accelebitLive()}"`, '=HYPERLINK("http://x","y").ts');
    const rows = parse(csvReporter({ findings, skipped: [], filesScanned: 1, bytesScanned: 1, durationMs: 1 }, context), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]!.path).toBe(`'=HYPERLINK("http://x","y").ts`);
  });
});
