import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { expandTemplate } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/**
 * Realistic applications (a mobile app, a notebook, a Kubernetes deploy, a monorepo), each an `input/` tree whose
 * keys are templates filled with fresh random values, and an `expected.json` that lists what a reader finds there:
 * path, line and rule of each finding, and which depth case it is (a key split by concatenation, a name and value on
 * different lines, a value in base64…). The scan must find exactly those: nothing missed, nothing more.
 */
const APPLICATIONS = join(import.meta.dirname, '../applications');

interface Expected {
  path: string;
  line: number;
  rule: string;
  depth?: string;
  /**
   * Found in whole files only: a variable's use lines away from its assignment, a Python concatenation across lines,
   * a properties continuation, base64 in general. A diff's lines around keyword hits may not show them.
   */
  wholeFileOnly?: boolean;
}

function filesOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = expandTemplate(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const asLines = (findings: Array<{ path: string; line: number; rule: string }>) => findings.map((f) => `${f.path}:${f.line} ${f.rule}`).sort();

function reported(stdout: string): Array<{ path: string; line: number; rule: string }> {
  const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; location: { path: string; line: number } }> };
  return report.findings.map((f) => ({ path: f.location.path, line: f.location.line, rule: f.ruleId }));
}

describe.each(readdirSync(APPLICATIONS))('the %s application', (name) => {
  const expected = (JSON.parse(readFileSync(join(APPLICATIONS, name, 'expected.json'), 'utf8')) as { findings: Expected[] }).findings;

  it('tree scan: finds exactly what a reader finds', () => {
    const root = tempTree(filesOf(join(APPLICATIONS, name, 'input')));
    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(asLines(reported(run.stdout))).toEqual(asLines(expected));
  });

  it('history scan: finds the same keys in the commit that added them', () => {
    const repo = TempRepo.init();
    repo.commit('the application', filesOf(join(APPLICATIONS, name, 'input')));
    const run = runCli(['history', '--format', 'json', '--fail-on', 'never'], { cwd: repo.dir });
    expect(run.stderr).toBe('');
    // History reports a secret once, with every file that holds it: a finding stands for each of its files.
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { path: string }; history?: { files: string[] } }> };
    const found = new Set(report.findings.flatMap((f) => [f.location.path, ...(f.history?.files ?? [])].map((path) => `${path} ${f.ruleId}`)));
    // Whole-file-only cases may or may not show in a diff's lines; everything else must, and nothing unexpected may.
    for (const f of expected.filter((e) => !e.wholeFileOnly)) expect([...found]).toContain(`${f.path} ${f.rule}`);
    const allowed = new Set(expected.map((f) => `${f.path} ${f.rule}`));
    expect([...found].filter((entry) => !allowed.has(entry))).toEqual([]);
  });

  it('covers each case it names', () => {
    expect(expected.every((f) => f.depth)).toBe(true);
  });
});
