import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { packageRoot } from '../../src/package-root.js';
import { CLI, runCliAsync, runCommand } from '../helpers/cli.js';
import { startGitHost } from '../helpers/git-host.js';
import { expectGitlabAccepts } from '../helpers/gitlab-schema.js';
import { key } from '../helpers/keys.js';
import { npxStandIn, organization } from '../helpers/organization.js';
import { tempTree } from '../helpers/temp-dir.js';
import { WorkflowRunner } from '../helpers/workflow-runner.js';

const example = (name: string) => join(packageRoot(), 'examples', name);
const TOKEN = 'ghp_ExampleWorkflowToken0123456789abcd';

/** The organization served by a stand-in GitHub/GitLab API, every repository as a file:// URL. */
async function hostedOrganization() {
  const org = organization();
  const host = await startGitHost({
    repositories: [...org.repos.map((repo, i) => ({ name: `acme/repo-${i}`, cloneUrl: `file://${repo.dir}` })), { name: 'acme/broken', cloneUrl: `file://${org.broken.dir}` }],
    token: TOKEN,
  });
  // One machine's answer, for comparison: every repository in one run.
  const single = await runCliAsync(['repos', '--github-org', 'acme', '--api-url', host.apiUrl('github'), '-f', 'json', '--allow-partial'], { cwd: org.root, env: { GITHUB_TOKEN: TOKEN } });
  const fingerprints = (JSON.parse(single.stdout).findings as Array<{ fingerprint: string }>).map((f) => f.fingerprint).sort();
  expect(fingerprints).toHaveLength(6);
  return { org, host, fingerprints, env: { ...process.env, PATH: `${npxStandIn(CLI)}:${process.env.PATH}`, NO_COLOR: '1' } };
}

const sarifFingerprints = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')).runs[0].results as Array<{ partialFingerprints: Record<string, string> }>).map((r) => r.partialFingerprints['keyward/v1']!).sort();

describe('examples/github-org-scan.yml, run job by job as Actions would', () => {
  it('plans, scans four shards, merges to SARIF equal to one machine; the next night scans only what was pushed', async () => {
    const { org, host, fingerprints, env } = await hostedOrganization();
    const runner = new WorkflowRunner(example('github-org-scan.yml'), { ...env, GITHUB_API_URL: host.apiUrl('github') }, { KEYWARD_ORG_TOKEN: TOKEN });
    const night = await runner.run();
    const failedSteps = night.steps.filter((step) => step.status !== 0);
    // Only the verdict fails: a repository could not be scanned (exit 2).
    expect(failedSteps.map((s) => [s.job, s.status])).toEqual([['merge', 2]]);
    expect(failedSteps[0]!.stdout).toContain('failed file://');
    expect(Object.keys(night.workspaces).filter((name) => name.startsWith('scan-'))).toEqual(['scan-1', 'scan-2', 'scan-3', 'scan-4']);
    expect(sarifFingerprints(join(night.workspaces.merge!, 'keyward.sarif'))).toEqual(fingerprints);
    expect(existsSync(join(night.workspaces.merge!, 'keyward.html'))).toBe(true);
    expect(night.actions.some((a) => a.uses.startsWith('github/codeql-action/upload-sarif') && existsSync(join(a.workspace, String(a.with.sarif_file))))).toBe(true);
    for (const step of night.steps) expect(`${step.stdout}${step.stderr}`).not.toContain(TOKEN);

    // The next night: one new key pushed; the state came back through the cache.
    const added = key.smartpayLive();
    org.repos[2]!.commit('new key', { 'src/new.js': `const k = '${added}';\n` });
    const next = await runner.run();
    const shardReports = [1, 2, 3, 4].map((k) => JSON.parse(readFileSync(join(next.workspaces[`scan-${k}`]!, `report-${k}.json`), 'utf8')));
    const statuses = shardReports.flatMap((report) => report.repositories.map((r: { status: string }) => r.status));
    expect(statuses.sort()).toEqual(['failed', 'scanned', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const results = JSON.parse(readFileSync(join(next.workspaces.merge!, 'keyward.sarif'), 'utf8')).runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0].properties).toMatchObject({ new: true, repository: `file://${org.repos[2]!.dir}` });
  }, 120_000);
});

describe('examples/gitlab-org-scan.yml, its scripts run as GitLab runs them', () => {
  it('plans, runs the parallel shards with CI_NODE_INDEX, and merges into a secret-detection report GitLab accepts', async () => {
    const { host, fingerprints, env } = await hostedOrganization();
    const jobs = parse(readFileSync(example('gitlab-org-scan.yml'), 'utf8'));
    const variables = { ...env, CI_API_V4_URL: host.apiUrl('gitlab'), KEYWARD_GROUP: 'acme', GITLAB_TOKEN: TOKEN };
    const runScript = (job: string, cwd: string, extra: Record<string, string> = {}) =>
      runCommand('sh', ['-e', '-c', (jobs[job].script as string[]).join('\n')], { cwd, env: { ...variables, ...extra } });
    const plan = tempTree();
    expect((await runScript('keyward-plan', plan)).status).toBe(0);
    const merge = tempTree();
    const total = jobs['keyward-scan'].parallel as number;
    for (let index = 1; index <= total; index++) {
      const shard = tempTree();
      cpSync(join(plan, 'plan.json'), join(shard, 'plan.json'));
      const run = await runScript('keyward-scan', shard, { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`shard ${index}/${total}`);
      for (const artifact of [`report-${index}.json`, `state-${index}.json`]) cpSync(join(shard, artifact), join(merge, artifact));
    }
    const merged = await runScript('keyward-merge', merge);
    expect(merged.status).toBe(2); // the broken repository
    const report = JSON.parse(readFileSync(join(merge, 'gl-secret-detection-report.json'), 'utf8'));
    expectGitlabAccepts(report);
    expect(report.vulnerabilities).toHaveLength(fingerprints.length);
    expect(existsSync(join(merge, 'keyward-state.json'))).toBe(true);
  }, 120_000);
});

describe('examples/kubernetes-org-scan.yaml, its containers run as the Indexed Job and the merge CronJob would', () => {
  it('runs one pod per completion index, merges, and the next night reads only what is new', async () => {
    const { org, host, fingerprints, env } = await hostedOrganization();
    const documents = parseAllDocuments(readFileSync(example('kubernetes-org-scan.yaml'), 'utf8')).map((doc) => doc.toJS());
    const cronJob = (name: string) => documents.find((doc) => doc.kind === 'CronJob' && doc.metadata.name === name).spec.jobTemplate.spec;
    const scan = cronJob('keyward-scan');
    expect(scan.completionMode).toBe('Indexed');
    const data = tempTree();
    const containerEnv = (spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; value?: string }> }> } } }) =>
      Object.fromEntries(spec.template.spec.containers[0]!.env.flatMap((e) => (e.value !== undefined ? [[e.name, e.value]] : [])));
    const runContainer = (spec: typeof scan, extra: Record<string, string>) => {
      const [shell, flags, script] = spec.template.spec.containers[0].command as string[];
      return runCommand(shell!, [flags!, script!], { cwd: data, env: { ...env, ...containerEnv(spec), DATA: data, GITHUB_API_URL: host.apiUrl('github'), GITHUB_TOKEN: TOKEN, ...extra } });
    };
    const night = async () => {
      for (let index = 0; index < scan.completions; index++) {
        const pod = await runContainer(scan, { JOB_COMPLETION_INDEX: String(index) });
        expect(pod.status, pod.stderr).toBe(0);
      }
      mkdirSync(join(data, 'out'), { recursive: true });
      return runContainer(cronJob('keyward-merge'), {});
    };
    expect((await night()).status).toBe(2);
    expect(sarifFingerprints(join(data, 'out/keyward.sarif'))).toEqual(fingerprints);

    org.repos[4]!.commit('new key', { 'src/late.js': `const k = '${key.smartpayLive()}';\n` });
    expect((await night()).status).toBe(2);
    const merged = JSON.parse(readFileSync(join(data, 'out/keyward.json'), 'utf8'));
    expect(merged.findings.map((f: { location: { path: string }; new: boolean }) => [f.location.path, f.new])).toEqual([['src/late.js', true]]);
    expect(merged.summary.repositories).toEqual({ scanned: 1, unchanged: 6, failed: 1 });
  }, 120_000);
});
