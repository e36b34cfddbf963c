import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const bundle = join(packageRoot(), 'action/index.mjs');

/** Runs the committed action bundle as the runner does: inputs and GitHub's files in the environment. */
function runAction(workspace: string, env: Record<string, string>) {
  const files = tempTree();
  const summary = join(files, 'summary.md');
  const output = join(files, 'output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const run = spawnSync(process.execPath, [bundle], {
    cwd: workspace,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, ...env },
  });
  const outputs = Object.fromEntries(
    [...readFileSync(output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summary, 'utf8'), outputs };
}

function pullRequestRepo() {
  const repo = TempRepo.init();
  const old = key.smartpayLive();
  const base = repo.commit('base', { 'legacy.ts': `export const k = "${old}";\n`, 'README.md': '# shop\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  const added = key.accelebitLive();
  repo.commit('add payments', { 'src/payments.ts': `const a = 1;\nexport const key = "${added}";\n` });
  const head = repo.commit('docs', { 'README.md': '# shop\n\nPayments.\n' });
  const event = join(tempTree(), 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } }));
  return { repo, old, added, event };
}

describe('the GitHub Action (bundle, with the environment GitHub provides)', () => {
  it('scans exactly the pull request’s commits, annotates, summarises, writes SARIF and outputs, and fails', () => {
    const { repo, old, added, event } = pullRequestRepo();
    const run = runAction(repo.dir, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, 'INPUT_SARIF-FILE': 'out/keyward.sarif', 'INPUT_FAIL-ON': 'error' });
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([expect.stringMatching(/^::error file=src\/payments\.ts,line=2,endLine=2,col=\d+,endColumn=\d+,title=keyward%3A Accelebit live secret key::/)]);
    expect(run.summary).toContain('| Severity | Rule | Where | Key | Commit | What to do |');
    expect(run.summary).toContain('`src/payments.ts:2`');
    expect(run.outputs).toEqual({ findings: '1', 'sarif-file': join(repo.dir, 'out/keyward.sarif') });
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'out/keyward.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'accelebit-live-secret-key', level: 'error' });
    expect(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === sarif.runs[0].results[0].ruleId)).toBe(true);
    for (const text of [run.stdout, run.summary, JSON.stringify(sarif)]) {
      expect(text).not.toContain(added.slice(14));
      expect(text).not.toContain(old.slice(8));
    }
  });

  it('scans a pushed range, the whole history, or the tree, and passes below fail-on', () => {
    const { repo } = pullRequestRepo();
    const history = runAction(repo.dir, { INPUT_MODE: 'history', 'INPUT_FAIL-ON': 'never' });
    expect(history.status).toBe(0);
    expect(history.outputs.findings).toBe('2');
    const tree = runAction(repo.dir, { INPUT_MODE: 'tree' });
    expect(tree.outputs.findings).toBe('2');
    const before = repo.git('rev-parse', 'HEAD~1').trim();
    const after = repo.head();
    const push = join(tempTree(), 'push.json');
    writeFileSync(push, JSON.stringify({ before, after, commits: [{ id: after }] }));
    const pushed = runAction(repo.dir, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: push });
    expect(pushed.status).toBe(0);
    expect(pushed.outputs.findings).toBe('0');
  });

  it('fails with one annotated line on a bad input', () => {
    const { repo } = pullRequestRepo();
    const run = runAction(repo.dir, { INPUT_MODE: 'everything' });
    expect(run.status).toBe(2);
    expect(run.stdout.trim()).toBe('::error title=keyward::input mode must be diff, history or tree, not "everything"');
  });
});
