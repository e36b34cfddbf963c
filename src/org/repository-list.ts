import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../cli/usage-error.js';
import { credentialsIn, originOf, tokenCredential, withoutCredentials, type GitCredential } from './credentials.js';
import { isRemote, type ListedRepository } from './listed-repository.js';

/** What `keyward repos --plan` writes, and `--from` reads back: the list, each repository's weight and shard. */
export interface Plan {
  kind: 'keyward-plan';
  version: 1;
  /** 1…N, for a CI matrix, when the plan was made for N shards. */
  shards?: number[];
  repositories: Array<{ repository: string; weight: number; shard?: number }>;
}

/** The tokens of the environment and the hosts they belong to (an API's host, and github.com / gitlab.com). */
export interface HostTokens {
  github?: { token: string; origins: string[] };
  gitlab?: { token: string; origins: string[] };
}

/**
 * A `--from` file: one clone URL or local path per line (`#` starts a comment), or a plan. A relative path is
 * relative to the file's folder, as a config's paths are. Credentials written in a URL are taken out of it and sent
 * as a header; a token of the environment is added for URLs on its host only.
 */
export function readRepositoryList(file: string, tokens: HostTokens): ListedRepository[] {
  if (!existsSync(file)) throw new UsageError(`--from ${file}: no such file`);
  const text = readFileSync(file, 'utf8');
  const base = dirname(resolve(file));
  if (text.trimStart().startsWith('{')) return readPlan(file, text, base, tokens);
  const list: ListedRepository[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    if (/\s/.test(line)) throw new UsageError(`${file}:${index + 1}: one repository per line, not "${withoutCredentials(line.split(/\s+/)[0]!)} …"`);
    list.push(listed(line, base, tokens));
  });
  return dedupe(list);
}

function readPlan(file: string, text: string, base: string, tokens: HostTokens): ListedRepository[] {
  let plan: Plan;
  try {
    plan = JSON.parse(text) as Plan;
  } catch {
    throw new UsageError(`--from ${file}: neither a list of repositories nor a plan (invalid JSON)`);
  }
  if (plan?.kind !== 'keyward-plan' || !Array.isArray(plan.repositories)) throw new UsageError(`--from ${file}: JSON that is not a keyward plan`);
  const total = plan.shards?.length;
  return dedupe(
    plan.repositories.map((entry) => ({
      ...listed(entry.repository, base, tokens),
      ...(typeof entry.weight === 'number' ? { weight: entry.weight } : {}),
      ...(total && typeof entry.shard === 'number' ? { plannedShard: { index: entry.shard, total } } : {}),
    })),
  );
}

/** One line of a list as a repository: a URL (credentials moved out of it), or a local path made absolute. */
export function listed(entry: string, base: string, tokens: HostTokens): ListedRepository {
  if (!isRemote(entry)) return { repository: entry, source: isAbsolute(entry) ? entry : resolve(base, entry) };
  const url = withoutCredentials(entry);
  const written = credentialsIn(entry);
  const origin = originOf(url);
  // Credentials the user wrote in the URL go where the URL goes; an environment token only to its own hosts.
  const credential: GitCredential | undefined = written && origin ? { origin, ...written } : origin ? hostToken(origin, tokens) : undefined;
  return { repository: url, source: url, ...(credential ? { credential } : {}) };
}

function hostToken(origin: string, tokens: HostTokens): GitCredential | undefined {
  if (tokens.github?.origins.includes(origin)) return tokenCredential('github', origin, tokens.github.token);
  if (tokens.gitlab?.origins.includes(origin)) return tokenCredential('gitlab', origin, tokens.gitlab.token);
  return undefined;
}

/** A repository listed twice is scanned once. */
function dedupe(list: ListedRepository[]): ListedRepository[] {
  const seen = new Set<string>();
  return list.filter((repo) => !seen.has(repo.repository) && seen.add(repo.repository));
}

/** The tokens from GITHUB_TOKEN and GITLAB_TOKEN, each for its public host and the API host given (Enterprise, self-managed). */
export function hostTokens(env: NodeJS.ProcessEnv, apiUrl: string | undefined, apiKind: 'github' | 'gitlab' | undefined): HostTokens {
  const tokens: HostTokens = {};
  const apiOrigin = apiUrl ? new URL(apiUrl).origin : undefined;
  if (env.GITHUB_TOKEN) tokens.github = { token: env.GITHUB_TOKEN, origins: ['https://github.com', ...(apiKind === 'github' && apiOrigin ? [apiOrigin] : [])] };
  if (env.GITLAB_TOKEN) tokens.gitlab = { token: env.GITLAB_TOKEN, origins: ['https://gitlab.com', ...(apiKind === 'gitlab' && apiOrigin ? [apiOrigin] : [])] };
  return tokens;
}
