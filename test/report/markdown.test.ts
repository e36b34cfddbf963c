import { describe, expect, it } from 'vitest';
import { findingsPie, markdownReporter } from '../../src/report/markdown.js';
import { detectIn } from '../helpers/detector.js';
import { githubStyleToken, key } from '../helpers/keys.js';

const context = { rules: [], failOn: 'warning' as const, color: false, version: '0' };

describe('the Markdown report (the job summary)', () => {
  it('draws a Mermaid pie of the findings by vendor above the table', () => {
    const findings = [
      ...detectIn(`a = "${key.accelebitLive()}"\nb = "${key.accelebitLive()}"`, 'server/a.ts'),
      ...detectIn(`t = "${githubStyleToken('ghp')}"`, 'server/b.ts'),
    ];
    const text = markdownReporter({ findings, skipped: [], filesScanned: 2, bytesScanned: 10, durationMs: 1 }, context);
    const pie = text.slice(text.indexOf('```mermaid'), text.indexOf('| Severity'));
    expect(pie).toBe('```mermaid\npie showData title Findings by vendor\n    "Accelebit" : 2\n    "GitHub" : 1\n```\n\n');
  });

  it('keeps labels Mermaid can read, and folds the smallest slices into "other"', () => {
    const base = detectIn(`a = "${key.accelebitLive()}"`, 'server/a.ts')[0]!;
    const many = Array.from({ length: 10 }, (_, i) => ({ ...base, vendor: `Vendor "${i}"\n%%{init}%%` }));
    const pie = findingsPie(many);
    expect(pie).toHaveLength(2 + 9 + 1);
    expect(pie.at(-2)).toBe('    "other" : 2');
    expect(pie.slice(2, -1).every((line) => /^ {4}"[\p{L}\p{N} ._()/+-]+" : \d+$/u.test(line))).toBe(true);
  });

  it('has no pie when nothing was found', () => {
    expect(markdownReporter({ findings: [], skipped: [], filesScanned: 0, bytesScanned: 0, durationMs: 1 }, context)).not.toContain('mermaid');
  });
});
