import { packageVersion } from '../package-root.js';
import type { Detector } from '../engine/detector.js';
import { FORMATS, loadReporter, type Format } from '../report/index.js';
import type { FailOn } from '../report/reporter.js';
import { ruleDescriptors } from '../report/rule-descriptors.js';
import { failsRun } from '../report/summary.js';
import type { Config } from '../config/schema.js';
import type { Finding } from '../engine/types.js';
import type { ScanResult } from '../scan/scan-result.js';
import type { RepositoryContext } from '../sinks/repository-context.js';
import { checkOutputPath } from './check-paths.js';
import { emit, wantsColor } from './output.js';
import { EXIT, UsageError } from './usage-error.js';
import { verifyOriginsFromEnv } from '../verify/verify-origins.js';
import { verifySettingsFrom, type VerifyFlags } from '../verify/verify-settings.js';

/** The options every scanning command shares: how to report, when to fail, and whether to verify. */
export interface ReportOptions extends VerifyFlags {
  format: string;
  output?: string;
  failOn?: string;
  color?: boolean;
  baseline?: string;
  /** `--revoke` (true) or `--revoke=dry-run`. */
  revoke?: boolean | string;
  /** `--html-show-secrets`: keys in clear in the HTML page. */
  htmlShowSecrets?: boolean;
  /** `--rules a,b` and `--exclude-rules c`. */
  rules?: string;
  excludeRules?: string;
}

/** `--rules` and `--exclude-rules` as lists, every id checked against the rules that exist. */
export async function ruleSelection(options: ReportOptions, customIds: readonly string[]): Promise<{ only?: string[]; exclude?: string[] }> {
  const { builtinRuleIds } = await import('../scan/create-detector.js');
  const known = new Set([...(await builtinRuleIds()), ...customIds]);
  const list = (text: string | undefined, flag: string) => {
    if (text === undefined) return undefined;
    const ids = text.split(',').map((id) => id.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new UsageError(`${flag}: no rule has the id ${unknown.join(', ')} (keyward rules lists them)`);
    return ids;
  };
  const only = list(options.rules, '--rules');
  const exclude = list(options.excludeRules, '--exclude-rules');
  return { ...(only ? { only } : {}), ...(exclude ? { exclude } : {}) };
}

/** Where a run's config came from and what it scanned: what the webhook needs beyond the findings. */
export interface RunContext {
  /** The config file's folder (relative paths in the config are relative to it). */
  configDir: string;
  /** A folder inside the scanned repository; absent when a run spans many (an organization scan). */
  repoDir?: string;
}

const FAIL_ON = ['error', 'warning', 'info', 'never'];

/** Checks the report options before any work starts, so a typo or an unwritable --output fails fast. */
export function checkReportOptions(options: ReportOptions): void {
  if (!FORMATS.includes(options.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (options.failOn && !FAIL_ON.includes(options.failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
  if (options.revoke !== undefined && options.revoke !== true && options.revoke !== 'dry-run') {
    throw new UsageError('--revoke takes no value, or "dry-run"');
  }
  checkOutputPath(options.output, process.cwd());
  // A wrong flag or a malformed KEYWARD_VERIFY_ORIGINS fails before the scan, not after it.
  if (verifySettingsFrom(options)) verifyOriginsFromEnv();
}

/** Applies the baseline, renders the report, writes it, and returns the exit code. */
export async function reportRun(
  result: ScanResult,
  detector: Detector,
  config: Config,
  options: ReportOptions,
  context: RunContext,
): Promise<number> {
  // Where the scanned files live in git terms, asked of git once, and only by what needs it.
  let repositoryAsked: Promise<RepositoryContext | undefined> | undefined;
  const repository = () =>
    (repositoryAsked ??= context.repoDir === undefined
      ? Promise.resolve(undefined)
      : import('../sinks/repository-context.js').then(({ repositoryContext }) => repositoryContext(context.repoDir!, process.cwd())));
  if (options.baseline || config.baseline) {
    const { applyBaseline, baselineFileFor, readBaseline } = await import('../scan/baseline.js');
    result = applyBaseline(result, readBaseline(baselineFileFor(options.baseline, config.baseline, context.configDir)!));
  }
  const verify = verifySettingsFrom(options);
  if (verify) {
    const { runVerification } = await import('../verify/run-verification.js');
    const log = (line: string) => process.stderr.write(`keyward: ${line}\n`);
    result = { ...result, verify: await runVerification(result.findings, detector.rules, verify, `keyward/${packageVersion()}`, log) };
  }
  if (options.revoke) {
    if (config.revoke?.include === 'active' && !verify) throw new UsageError('revoke.include is "active": run with --verify, so that keyward knows which keys are active');
    if (!config.revoke) throw new UsageError('--revoke needs a "revoke:" section (url, secretEnv) in .keyward.yml');
    const { runRevoke } = await import('../sinks/revoke.js');
    const revoke = await runRevoke(result.findings, config.revoke, {
      configDir: context.configDir,
      repo: await repository(),
      dryRun: options.revoke === 'dry-run',
      userAgent: `keyward/${packageVersion()}`,
      log: (line) => process.stderr.write(`keyward: ${line}\n`),
    });
    result = { ...result, revoke };
  }
  const failOn = (options.failOn ?? config.failOn ?? 'warning') as FailOn;
  const format = options.format as Format;
  const reporter = await loadReporter(format);
  const report = reporter(result, {
    rules: ruleDescriptors(detector.rules),
    failOn,
    color: format === 'text' && wantsColor(options.color, Boolean(options.output)),
    version: packageVersion(),
    ...(format === 'html' ? { lineLink: context.repoDir === undefined ? await repositoryLineLinks() : lineLinks(await repository()), htmlShowSecrets: Boolean(options.htmlShowSecrets) } : {}),
    ...(format === 'gitlab' ? { repository: await repository() } : {}),
  });
  emit(report, options.output);
  if (options.output) process.stderr.write(`keyward: ${result.findings.length} finding(s) written to ${options.output}\n`);
  if (result.revoke?.failed.length) return EXIT.deliveryFailed;
  return result.findings.some((f) => failsRun(f, failOn, verify?.failOnValidity)) ? EXIT.findings : EXIT.clean;
}

/** For an organization's findings: each line on the host of its own repository, at the commit that added it. */
async function repositoryLineLinks(): Promise<(finding: Finding) => string | undefined> {
  const { commitLineUrl } = await import('../sinks/repository-context.js');
  return (f) => (f.location.repository && f.location.commit ? commitLineUrl(f.location.repository, f.location.commit, f.location.path, f.location.line) : undefined);
}

/** Links to findings' lines on GitHub or GitLab, for the HTML page (none outside a repository with such a remote). */
function lineLinks(repo: RepositoryContext | undefined): (finding: Finding) => string | undefined {
  if (!repo) return () => undefined;
  return (f) => repo.lineUrl(f.location.commit ?? repo.head ?? null, repo.pathInRepository(f.location.path), f.location.line, f.location.commit === undefined);
}
