import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { HookError, installHook } from '../hook/install-hook.js';
import { ciSystemOf, hookManagerOf } from '../init/project-tools.js';
import { configTemplate, githubWorkflow, gitlabJob } from '../init/templates.js';
import { baselineOf, writeBaseline } from '../scan/baseline.js';
import { repositoryTop } from '../sources/repository.js';
import { scanWorkingTree } from './command-scan.js';
import { confirmed } from './confirm.js';
import { EXIT, UsageError } from './usage-error.js';

const BASELINE = '.keyward-baseline.json';
const log = (line: string) => process.stderr.write(`keyward: ${line}\n`);

/** One thing `keyward init` does: said before (to ask) and done after. */
interface Step {
  says: string;
  run: () => string;
}

/**
 * `keyward init [dir]`: a commented .keyward.yml, a baseline when the project already has findings, the pre-commit
 * hook (or the line for the hook manager in use), and the CI job for the CI it detects. Nothing that exists is
 * overwritten. Asks once on a terminal; --yes, or no terminal, takes the defaults.
 */
export async function runInitCommand(dir: string | undefined, options: { yes?: boolean }): Promise<number> {
  const start = resolve(dir ?? '.');
  if (!existsSync(start)) throw new UsageError(`${dir}: no such folder`);
  const top = repositoryTop(start);
  const root = top ?? start;
  const steps: Step[] = [];
  const notes: string[] = [];

  const hasConfig = CONFIG_FILE_NAMES.some((name) => existsSync(join(root, name)));
  const findings = hasConfig ? [] : (await scanWorkingTree([root], undefined, root)).result.findings;
  if (!hasConfig) {
    const baseline = findings.length ? BASELINE : undefined;
    if (baseline && !existsSync(join(root, baseline))) {
      steps.push({
        says: `record a baseline of the ${findings.length} finding(s) already here (${baseline}), so that only new ones fail`,
        run: () => {
          writeBaseline(join(root, baseline), baselineOf(findings));
          return `wrote ${baseline}: ${findings.length} finding(s) — leaked all the same: rotate those keys, then remove their entries`;
        },
      });
    }
    steps.push({ says: 'write a commented .keyward.yml', run: () => write(root, '.keyward.yml', configTemplate(baseline)) });
  } else notes.push('a keyward config is already here: left as it is');

  if (top) {
    const manager = hookManagerOf(root);
    if (manager) notes.push(`${manager.name} manages the git hooks here: ${manager.instruction}`);
    else steps.push({ says: 'install the pre-commit hook (keyward scan --staged)', run: () => hookOrWhyNot(root) });
  } else notes.push('not a git repository: no pre-commit hook, no CI job');

  const ci = top ? ciSystemOf(root) : undefined;
  if (ci === 'github') {
    const path = '.github/workflows/keyward.yml';
    if (existsSync(join(root, path))) notes.push(`${path} is already here: left as it is`);
    else steps.push({ says: `write ${path} (GitHub Actions: pull requests and pushes, SARIF to code scanning)`, run: () => write(root, path, githubWorkflow()) });
  } else if (ci === 'gitlab') {
    const path = '.gitlab/keyward.gitlab-ci.yml';
    if (existsSync(join(root, path))) notes.push(`${path} is already here: left as it is`);
    else {
      steps.push({ says: `write ${path} (GitLab CI: merge requests and pipelines, JUnit report)`, run: () => write(root, path, gitlabJob()) });
      notes.push(`include it from .gitlab-ci.yml:\n  include:\n    - local: ${path}`);
    }
  } else if (top) notes.push('no GitHub Actions or GitLab CI found: the README shows the jobs to add');

  if (steps.length && !options.yes && process.stdin.isTTY) {
    log(`keyward init will, in ${relative(process.cwd(), root) || '.'}:`);
    for (const step of steps) log(`  - ${step.says}`);
    if (!(await confirmed('Go ahead? [Y/n] ', true))) {
      log('nothing was changed');
      return EXIT.clean;
    }
  }
  for (const step of steps) log(step.run());
  for (const note of notes) log(note);
  return EXIT.clean;
}

/** Installs the hook; another tool's hook is kept, and the way to chain it said. */
function hookOrWhyNot(root: string): string {
  try {
    return installHook(root, {});
  } catch (error) {
    if (error instanceof HookError) return `left the pre-commit hook as it is: ${error.message} (keyward install-hook)`;
    throw error;
  }
}

function write(root: string, path: string, text: string): string {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text, { flag: 'wx' });
  return `wrote ${path}`;
}
