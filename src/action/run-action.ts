import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { resolveConfig } from '../cli/resolve-config.js';
import { githubReporter } from '../report/github.js';
import { markdownReporter } from '../report/markdown.js';
import type { FailOn, ReportContext } from '../report/reporter.js';
import { ruleDescriptors } from '../report/rule-descriptors.js';
import { sarifReporter } from '../report/sarif.js';
import { failsRun } from '../report/summary.js';
import { applyBaseline, baselineFileFor, readBaseline } from '../scan/baseline.js';
import { createDetector } from '../scan/create-detector.js';
import { scanFiles } from '../scan/scan-files.js';
import { scanHistory, type HistoryOptions } from '../scan/scan-history.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanResult } from '../scan/scan-result.js';
import { openRepository } from '../sources/repository.js';
import { packageVersion } from '../package-root.js';
import { runVerification } from '../verify/run-verification.js';
import { verifySettingsFrom, type VerifySettings } from '../verify/verify-settings.js';

/** An input as GitHub passes it: INPUT_<NAME> (upper case, spaces as underscores; dashes stay). */
function input(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || fallback;
}

export class ActionError extends Error {
  override name = 'ActionError';
}

interface PushEvent {
  before?: string;
  after?: string;
  commits?: unknown[];
}
interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
}

const ZERO_SHA = /^0+$/;

/**
 * The commits the run should read, from the event GitHub describes in GITHUB_EVENT_PATH: a pull request's own
 * commits (base..head), or the range a push added. Other events read the whole history.
 */
export function diffScope(env: NodeJS.ProcessEnv): Pick<HistoryOptions, 'range' | 'branch' | 'maxCount'> & { describe: string } {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const event = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PushEvent & PullRequestEvent) : {};
  if (name.startsWith('pull_request')) {
    const base = event.pull_request?.base?.sha;
    const head = event.pull_request?.head?.sha;
    if (!base || !head) throw new ActionError('the pull_request event has no base and head commits');
    return { range: `${base}..${head}`, describe: `pull request ${base.slice(0, 7)}..${head.slice(0, 7)}` };
  }
  if (name === 'push' && event.after && !ZERO_SHA.test(event.after)) {
    if (event.before && !ZERO_SHA.test(event.before)) {
      return { range: `${event.before}..${event.after}`, describe: `push ${event.before.slice(0, 7)}..${event.after.slice(0, 7)}` };
    }
    // A new branch: its pushed commits are the newest ones reachable from `after`.
    const count = Math.max(1, event.commits?.length ?? 1);
    return { branch: event.after, maxCount: count, describe: `new branch, last ${count} commit(s)` };
  }
  return { describe: 'whole history' };
}

/**
 * The GitHub Action: scans the pull request's or push's commits (mode diff), the whole history, or the working
 * tree; prints annotations, writes the job summary, the SARIF file and the step outputs. Returns the exit code.
 */
export async function runAction(env: NodeJS.ProcessEnv, cwd: string, print: (text: string) => void): Promise<number> {
  const mode = input(env, 'mode', 'diff');
  if (!['diff', 'history', 'tree'].includes(mode)) throw new ActionError(`input mode must be diff, history or tree, not "${mode}"`);
  const failOn = input(env, 'fail-on', 'warning') as FailOn;
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new ActionError(`input fail-on must be error, warning, info or never`);
  const sarifFile = resolve(cwd, input(env, 'sarif-file', 'keyward.sarif'));
  const configFile = input(env, 'config') || undefined;
  const baselineFile = input(env, 'baseline') || undefined;
  const verify = actionVerifySettings(env);

  const { config, baseDir } = await resolveConfig(configFile, cwd, cwd);
  const detector = await createDetector(config);
  let result: ScanResult;
  if (mode === 'tree') {
    result = await scanFiles(['.'], detector, { cwd, ignore: config.ignore, ignoreBase: baseDir, maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
  } else {
    const repo = await openRepository(cwd);
    const { describe, ...scope } = mode === 'diff' ? diffScope(env) : { describe: 'whole history' };
    print(`keyward: scanning ${describe}\n`);
    result = await scanHistory(repo, detector, { ...scope, ignore: config.ignore, ignoreBase: baseDir, maxFileSize: config.maxFileSize });
  }
  const baseline = baselineFileFor(baselineFile && resolve(cwd, baselineFile), config.baseline, baseDir);
  if (baseline) result = applyBaseline(result, readBaseline(baseline));
  if (verify) {
    result = { ...result, verify: await runVerification(result.findings, detector.rules, verify, `keyward-action/${packageVersion()}`, (line) => print(`keyward: ${line}\n`)) };
  }

  const context: ReportContext = { rules: ruleDescriptors(detector.rules), failOn, color: false, version: packageVersion() };
  print(githubReporter(result, context));
  mkdirSync(dirname(sarifFile), { recursive: true });
  writeFileSync(sarifFile, sarifReporter(result, context));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdownReporter(result, context));
  if (env.GITHUB_OUTPUT) {
    setOutput(env.GITHUB_OUTPUT, 'findings', String(result.findings.length));
    setOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifFile);
  }
  const failing = result.findings.filter((f) => failsRun(f, failOn, verify?.failOnValidity)).length;
  const threshold = verify?.failOnValidity ? `with validity ${[...verify.failOnValidity].join(' or ')}` : `at or above ${failOn}`;
  print(`keyward: ${result.findings.length} finding(s), ${failing} ${threshold}\n`);
  return failing ? 1 : 0;
}

/**
 * The verify inputs. The workflow's author sets them (a pull request's config cannot: verification is never read
 * from .keyward.yml); custom rules verify only with `verify-custom-rules: true`.
 */
function actionVerifySettings(env: NodeJS.ProcessEnv): VerifySettings | undefined {
  const flag = (name: string) => {
    const value = input(env, name, 'false');
    if (value !== 'true' && value !== 'false') throw new ActionError(`input ${name} must be true or false, not "${value}"`);
    return value === 'true';
  };
  try {
    return verifySettingsFrom({
      verify: flag('verify'),
      ...(flag('verify-custom-rules') ? { verifyCustomRules: true } : {}),
      ...(input(env, 'fail-on-validity') ? { failOnValidity: input(env, 'fail-on-validity') } : {}),
    });
  } catch (error) {
    throw new ActionError(`input ${(error as Error).message.replace(/--/g, '')}`);
  }
}

/** GITHUB_OUTPUT takes `name<<delimiter` blocks, safe whatever the value holds. */
function setOutput(file: string, name: string, value: string): void {
  const delimiter = `keyward_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}
