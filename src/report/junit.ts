import type { Finding } from '../engine/types.js';
import { escapeMarkup as xml } from './markup.js';
import type { Reporter } from './reporter.js';
import { failsOn, fileLabel } from './summary.js';

function where(f: Finding): string {
  return `${fileLabel(f.location)}:${f.location.line}${f.location.commit ? ` @ ${f.location.commit.slice(0, 10)}` : ''}`;
}

/**
 * JUnit XML, for Jenkins, Azure DevOps, GitLab's test report and the other CI systems that read it: one test case per
 * finding, failed when the finding reaches --fail-on (others pass, with the finding in their output); a clean run is
 * one passing case, so the report is never empty.
 */
export const junitReporter: Reporter = (result, context) => {
  const seconds = (result.durationMs / 1000).toFixed(3);
  const cases = result.findings.map((f) => {
    const name = xml(`${f.ruleId} ${where(f)}`);
    const detail = xml(`${f.title}${f.validity ? ` (${f.validity})` : ''}: ${f.preview} at ${where(f)}:${f.location.column}. ${f.remediation}`);
    const body = failsOn(f, context.failOn)
      ? `<failure type="${f.severity}" message="${xml(`${f.title} (${f.preview})`)}">${detail}</failure>`
      : `<system-out>${detail}</system-out>`;
    return `    <testcase classname="${xml(fileLabel(f.location))}" name="${name}" file="${xml(f.location.path)}" line="${f.location.line}" time="0">${body}</testcase>`;
  });
  if (cases.length === 0) cases.push('    <testcase classname="keyward" name="no secrets found" time="0"></testcase>');
  const failures = result.findings.filter((f) => failsOn(f, context.failOn)).length;
  const tests = Math.max(1, result.findings.length);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="keyward" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="keyward ${xml(context.version)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
