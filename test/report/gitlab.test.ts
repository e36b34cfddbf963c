import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GITLAB_SCHEMA_VERSION } from '../../src/report/gitlab.js';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { expectGitlabAccepts, gitlabSchema } from '../helpers/gitlab-schema.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

interface Vulnerability {
  id: string;
  name: string;
  severity: string;
  identifiers: Array<{ value: string }>;
  location: { file: string; start_line: number; commit: { sha: string; author?: string; date?: string } };
  details: Record<string, { value: unknown }>;
}
interface GitlabReport {
  version: string;
  scan: { type: string; status: string; start_time: string; messages?: Array<{ level: string; value: string }> };
  vulnerabilities: Vulnerability[];
}

/** Runs the CLI with --format gitlab and returns the report, after checking it against GitLab's schema. */
function gitlabReport(args: string[], cwd: string): GitlabReport {
  const run = runCli([...args, '--format', 'gitlab'], { cwd });
  expect(run.status, run.stderr).toBe(1);
  const report = JSON.parse(run.stdout);
  expectGitlabAccepts(report);
  return report;
}

describe('the GitLab secret-detection report', () => {
  it('declares the schema version it is checked against', () => {
    expect(gitlabSchema.self.version).toBe(GITLAB_SCHEMA_VERSION);
  });

  it('passes GitLab schema for a working-tree scan: repository paths, HEAD as the commit, severities, no key in clear', () => {
    const live = key.smartpayLive();
    const repo = TempRepo.init();
    const head = repo.commit('app', { 'web/src/pay.ts': `export const stripe = "${live}";\n`, 'web/test/pay.test.ts': `const k = "${key.smartpayTest()}";\n` });
    const report = gitlabReport(['scan', '.'], join(repo.dir, 'web'));
    expect(report.scan).toMatchObject({ type: 'secret_detection', status: 'success' });
    expect(report.scan.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const [pay] = report.vulnerabilities.filter((v) => v.location.file === 'web/src/pay.ts');
    expect(pay).toMatchObject({ severity: 'Critical', location: { start_line: 1, commit: { sha: head } } });
    expect(pay!.identifiers[0]!.value).toMatch(/smartpay/);
    expect(pay!.details.preview!.value).toMatch(/…/);
    expect(report.vulnerabilities.map((v) => v.location.file)).toContain('web/test/pay.test.ts');
    expect(new Set(report.vulnerabilities.map((v) => v.id)).size).toBe(report.vulnerabilities.length);
    expect(JSON.stringify(report)).not.toContain(live);
  });

  it('gives the same finding the same id on the next run, so GitLab tracks it rather than opening a new one', () => {
    const repo = TempRepo.init();
    repo.commit('app', { 'pay.js': `const k = "${key.smartpayLive()}";\n` });
    const ids = () => gitlabReport(['scan', '.'], repo.dir).vulnerabilities.map((v) => v.id);
    expect(ids()).toEqual(ids());
  });

  it('names the commit that added the key, with its author and date, for a history scan', () => {
    const repo = TempRepo.init();
    const added = repo.commit('add key', { 'config.js': `module.exports = { key: "${key.smartpayLive()}" };\n` });
    repo.commit('remove key', { 'config.js': 'module.exports = { key: process.env.SMARTPAY_KEY };\n' });
    const report = gitlabReport(['history'], repo.dir);
    expect(report.vulnerabilities).toHaveLength(1);
    const [leak] = report.vulnerabilities;
    expect(leak!.location).toMatchObject({ file: 'config.js', commit: { sha: added, author: expect.any(String), date: expect.any(String) } });
    expect(leak!.details.in_current_tree!.value).toBe(false);
  });

  it('outside git, the commit is the placeholder GitLab itself writes, and unreadable files are messages', () => {
    const dir = tempTree({ 'pay.js': `const k = "${key.smartpayLive()}";\n`, 'big.txt': 'x'.repeat(2048) });
    const report = gitlabReport(['scan', '.', '--max-file-size', '1KB'], dir);
    expect(report.vulnerabilities[0]!.location).toMatchObject({ file: 'pay.js', commit: { sha: '0000000' } });
    expect(report.scan.messages).toContainEqual({ level: 'warn', value: expect.stringMatching(/^not scanned: big\.txt \(too-large/) });
  });
});
