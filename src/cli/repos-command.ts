import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isLoopbackHost } from '../config/schema.js';
import { packageVersion } from '../package-root.js';
import { createDetector } from '../scan/create-detector.js';
import type { ListedRepository } from '../org/listed-repository.js';
import { hostTokens, readRepositoryList, type Plan } from '../org/repository-list.js';
import { assignShards, parseShard, repositoryWeights, shardFromEnvironment, type Shard } from '../org/shards.js';
import { readState, writeState, type OrgState } from '../org/org-state.js';
import { parseDuration } from '../verify/verify-settings.js';
import { checkOutputPath } from './check-paths.js';
import { countOption } from './count-option.js';
import { exitAfterFailures } from './failed-repositories.js';
import { emit } from './output.js';
import { checkReportOptions, reportRun, ruleSelection, type ReportOptions } from './report-run.js';
import { resolveConfig } from './resolve-config.js';
import { sizeOption } from './size-option.js';
import { EXIT, UsageError } from './usage-error.js';

export interface ReposCommandOptions extends ReportOptions {
  from?: string;
  githubOrg?: string;
  githubUser?: string;
  gitlabGroup?: string;
  apiUrl?: string;
  includeForks?: boolean;
  includeArchived?: boolean;
  cache?: string;
  state?: string;
  full?: boolean;
  shard?: string;
  shardTotal?: string;
  plan?: boolean;
  parallel?: string;
  repoTimeout?: string;
  jobs?: string;
  maxFileSize?: string;
  allowPartial?: boolean;
  config?: string;
  showSecrets?: boolean;
}

/** `keyward repos`: the history of every repository of a list, an organization or a group; returns the exit code. */
export async function runReposCommand(options: ReposCommandOptions): Promise<number> {
  const sources = [options.from, options.githubOrg, options.githubUser, options.gitlabGroup].filter((source) => source !== undefined);
  if (sources.length !== 1) throw new UsageError('name the repositories with one of --from FILE, --github-org ORG, --github-user USER or --gitlab-group GROUP');
  if (!options.plan) checkReportOptions(options);
  checkApiUrl(options.apiUrl);
  const shardTotal = countOption('--shard-total', options.shardTotal, 'shards');
  const shard = shardOf(options, shardTotal);
  const parallel = countOption('--parallel', options.parallel, 'repositories') ?? 2;
  const jobs = countOption('--jobs', options.jobs, 'processes');
  const timeoutMs = options.repoTimeout ? durationOption('--repo-timeout', options.repoTimeout) : 30 * 60_000;
  const maxFileSize = options.maxFileSize ? sizeOption(options.maxFileSize) : undefined;
  const state = options.state ? readState(options.state) : undefined;
  // The state is written after the scan: a path that cannot take it fails now, not after hours of work.
  checkOutputPath(options.state, process.cwd(), '--state');

  const list = await listRepositories(options);
  const weights = repositoryWeights(list, state);
  if (options.plan) {
    emit(`${JSON.stringify(planOf(list, weights, shard?.total ?? shardTotal), null, 2)}\n`, options.output);
    return EXIT.clean;
  }
  const mine = shard ? shardPart(list, weights, shard) : list;

  const { config, baseDir } = await resolveConfig(options.config, process.cwd());
  const selection = await ruleSelection(options, config.customRules.map((rule) => rule.id));
  const detector = await createDetector(config, { showSecrets: options.showSecrets, ...selection });
  const { rulesVersion } = await import('../org/rules-version.js');
  const { scanOrganization } = await import('../org/scan-organization.js');
  const { ProgressLine } = await import('../org/progress-line.js');
  if (shard) process.stderr.write(`keyward: shard ${shard.index}/${shard.total}: ${mine.length} of ${list.length} repositories\n`);
  const cacheDir = options.cache ? resolve(options.cache) : mkdtempSync(join(tmpdir(), 'keyward-mirrors-'));
  const progress = new ProgressLine(mine.length);
  let scan: Awaited<ReturnType<typeof scanOrganization>>;
  try {
    scan = await scanOrganization(mine, detector, {
      cacheDir,
      rulesVersion: rulesVersion(packageVersion(), detector, config),
      ...(state ? { state } : {}),
      full: Boolean(options.full),
      parallel,
      timeoutMs,
      ...(jobs ? { jobs } : {}),
      maxFileSize: maxFileSize ?? config.maxFileSize,
      onRepository: ({ status, findings }) => progress.repositoryDone(status.commitsScanned, findings, status.status === 'failed'),
    });
  } finally {
    progress.stop();
    if (!options.cache) rmSync(cacheDir, { recursive: true, force: true });
  }
  const result = scan.result;
  const code = await reportRun(result, detector, config, options, { configDir: baseDir });
  if (options.state) writeState(options.state, keepOthers(scan.state, state, list, mine));
  return exitAfterFailures(result, code, options.allowPartial);
}

/** The repositories named on the command line, from a file or a host's API. */
async function listRepositories(options: ReposCommandOptions): Promise<ListedRepository[]> {
  const apiKind = options.gitlabGroup ? 'gitlab' : options.githubOrg || options.githubUser ? 'github' : undefined;
  const tokens = hostTokens(process.env, options.apiUrl, apiKind);
  if (options.from) return readRepositoryList(options.from, tokens);
  const listing = {
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    includeForks: Boolean(options.includeForks),
    includeArchived: Boolean(options.includeArchived),
    userAgent: `keyward/${packageVersion()}`,
    pages: { log: (line: string) => process.stderr.write(`keyward: ${line}\n`) },
  };
  if (options.gitlabGroup) {
    const { gitlabRepositories } = await import('../org/gitlab-repositories.js');
    return gitlabRepositories(options.gitlabGroup, { ...listing, ...(tokens.gitlab ? { token: tokens.gitlab.token } : {}) });
  }
  const { githubRepositories } = await import('../org/github-repositories.js');
  const owner = options.githubOrg ? { org: options.githubOrg } : { user: options.githubUser! };
  return githubRepositories(owner, { ...listing, ...(tokens.github ? { token: tokens.github.token } : {}) });
}

/**
 * This shard's repositories: as the plan gave them when it was made for as many shards (the setup job's word is
 * final), else as the weights balance them.
 */
function shardPart(list: ListedRepository[], weights: ReadonlyMap<string, number>, shard: Shard): ListedRepository[] {
  if (list.length && list.every((repo) => repo.plannedShard?.total === shard.total)) return list.filter((repo) => repo.plannedShard!.index === shard.index);
  const shardOfRepository = assignShards(weights, shard.total);
  return list.filter((repo) => shardOfRepository.get(repo.repository) === shard.index);
}

function shardOf(options: ReposCommandOptions, shardTotal: number | undefined): Shard | undefined {
  if (options.shard === undefined) return undefined;
  if (options.shard === 'auto') return shardFromEnvironment(process.env, shardTotal);
  const shard = parseShard(options.shard);
  if (shardTotal !== undefined && shardTotal !== shard.total) throw new UsageError(`--shard ${options.shard} and --shard-total ${shardTotal} disagree`);
  return shard;
}

/** The plan a setup job hands its shards: every repository with its weight, and its shard when the count is known. */
function planOf(list: ListedRepository[], weights: ReadonlyMap<string, number>, total: number | undefined): Plan {
  const shards = total ? assignShards(weights, total) : undefined;
  return {
    kind: 'keyward-plan',
    version: 1,
    ...(total ? { shards: Array.from({ length: total }, (_, i) => i + 1) } : {}),
    repositories: list.map((repo) => ({
      repository: repo.repository,
      weight: Math.round(weights.get(repo.repository)! * 100) / 100,
      ...(shards ? { shard: shards.get(repo.repository)! } : {}),
    })),
  };
}

/**
 * The state to write: this run's repositories, and, when it scanned one shard, the previous entries of the others
 * on the list (so that one state file can serve every shard in turn).
 */
function keepOthers(scanned: OrgState, previous: OrgState | undefined, list: ListedRepository[], mine: ListedRepository[]): OrgState {
  if (!previous || mine.length === list.length) return scanned;
  const ours = new Set(mine.map((repo) => repo.repository));
  const others = list.filter((repo) => !ours.has(repo.repository) && previous.repositories[repo.repository]);
  return { ...scanned, repositories: { ...Object.fromEntries(others.map((repo) => [repo.repository, previous.repositories[repo.repository]!])), ...scanned.repositories } };
}

/** An API address: http(s), and https unless it is this machine, since the token goes with every request. */
function checkApiUrl(apiUrl: string | undefined): void {
  if (apiUrl === undefined) return;
  const url = /^https?:\/\/[^/\s]+/i.test(apiUrl) ? new URL(apiUrl) : undefined;
  if (!url) throw new UsageError(`--api-url takes the API's http(s) address, such as https://github.example.com/api/v3, not "${apiUrl}"`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw new UsageError(`--api-url ${url.origin}: the token would cross the network in clear; use https (http only to 127.0.0.1)`);
}

function durationOption(flag: string, text: string): number {
  const ms = parseDuration(flag, text);
  if (ms <= 0) throw new UsageError(`${flag} takes a duration longer than 0, such as 30m`);
  return ms;
}
