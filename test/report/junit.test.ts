import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitReporter } from '../../src/report/junit.js';
import { detectIn } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';

const result = (findings: ReturnType<typeof detectIn>) => ({ findings, skipped: [], filesScanned: 1, bytesScanned: 1, durationMs: 1234 });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' });

describe('the JUnit XML report', () => {
  it('is well-formed XML with one test case per finding, failed at or above --fail-on', () => {
    const live = key.accelebitLive();
    const findings = [...detectIn(`a = "${live}"`, 'src/a&b <x>.ts'), ...detectIn(`b = "${key.accelebitTest()}"`, 'src/b.ts')];
    const xml = junitReporter(result(findings), { rules: [], failOn: 'error', color: false, version: '1.2.3' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.testsuites).toMatchObject({ name: 'keyward', tests: '2', failures: '1', time: '1.234' });
    const [live1, test1] = doc.testsuites.testsuite.testcase;
    expect(live1).toMatchObject({ classname: 'src/a&b <x>.ts', file: 'src/a&b <x>.ts', line: '1', name: 'accelebit-live-secret-key src/a&b <x>.ts:1' });
    expect(live1.failure).toMatchObject({ type: 'error', message: expect.stringMatching(/^Accelebit live secret key \(smtgw_sk_live_…\w{4}\)$/) });
    expect(test1.failure).toBeUndefined();
    expect(test1['system-out']).toMatch(/^Accelebit test secret key: smtgw_sk_test_…/);
    expect(xml).not.toContain(live);
  });

  it('a clean run is one passing case, so CI shows a pass rather than nothing', () => {
    const doc = parser.parse(junitReporter(result([]), { rules: [], failOn: 'warning', color: false, version: '1' }));
    expect(doc.testsuites).toMatchObject({ tests: '1', failures: '0' });
    expect(doc.testsuites.testsuite.testcase).toEqual([expect.objectContaining({ name: 'no secrets found' })]);
  });

  it('control characters from file names never reach the XML raw', () => {
    const findings = detectIn(`a = "${key.accelebitLive()}"`, 'src/evil\u001b[31m\u0007.ts');
    const xml = junitReporter(result(findings), { rules: [], failOn: 'warning', color: false, version: '1' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
