import { UsageError } from '../cli/usage-error.js';
import type { ListedRepository } from './listed-repository.js';
import type { OrgState } from './org-state.js';

/** One part of a list cut in `total` parts: `index` counts from 1, as `--shard 1/4` does. */
export interface Shard {
  index: number;
  total: number;
}

/** `K/N`, 1 ≤ K ≤ N. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const shard = match ? { index: Number(match[1]), total: Number(match[2]) } : undefined;
  if (!shard || shard.total < 1 || shard.index < 1 || shard.index > shard.total) {
    throw new UsageError(`--shard takes K/N with 1 ≤ K ≤ N (such as 2/4), or auto; not "${text}"`);
  }
  return shard;
}

/**
 * The shard a CI engine says this job is, from its own variables, normalised here and nowhere else: GitLab
 * `parallel:` (CI_NODE_INDEX, 1-based), Buildkite (BUILDKITE_PARALLEL_JOB, 0-based), CircleCI (CIRCLE_NODE_INDEX,
 * 0-based), a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based; its size is not in the pod: `--shard-total`).
 * GitHub Actions has no such variable: its matrix passes `--shard K/N`.
 */
export function shardFromEnvironment(env: NodeJS.ProcessEnv, shardTotal?: number): Shard {
  const engines: Array<{ name: string; index: string; total: string | undefined; base: 0 | 1 }> = [
    { name: 'GitLab', index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', base: 1 },
    { name: 'Buildkite', index: 'BUILDKITE_PARALLEL_JOB', total: 'BUILDKITE_PARALLEL_JOB_COUNT', base: 0 },
    { name: 'CircleCI', index: 'CIRCLE_NODE_INDEX', total: 'CIRCLE_NODE_TOTAL', base: 0 },
    { name: 'Kubernetes', index: 'JOB_COMPLETION_INDEX', total: undefined, base: 0 },
  ];
  for (const engine of engines) {
    const indexText = env[engine.index];
    if (indexText === undefined || indexText === '') continue;
    const totalText = engine.total ? env[engine.total] : undefined;
    const total = shardTotal ?? (totalText !== undefined ? Number(totalText) : NaN);
    const index = Number(indexText) + (1 - engine.base);
    if (!Number.isInteger(total) || total < 1) {
      throw new UsageError(`--shard auto: ${engine.name} sets ${engine.index} but not the number of shards${engine.total ? ` (${engine.total})` : ''}: pass --shard-total N`);
    }
    if (!Number.isInteger(index) || index < 1 || index > total) throw new UsageError(`--shard auto: ${engine.index}=${indexText} is not a shard of ${total}`);
    return { index, total };
  }
  throw new UsageError('--shard auto: no CI variable says which shard this is (CI_NODE_INDEX, BUILDKITE_PARALLEL_JOB, CIRCLE_NODE_INDEX, JOB_COMPLETION_INDEX); pass --shard K/N');
}

/**
 * What each repository is expected to cost: its last scan's duration from the state; else its size from the listing
 * API, in the same unit (milliseconds per KB as the timed repositories ran, 1 ms a KB when none has been timed); else
 * the median of the others (one when nothing is known), so a new repository is neither free nor the largest.
 */
export function repositoryWeights(list: ListedRepository[], state: OrgState | undefined): Map<string, number> {
  const timed = list.flatMap((repo) => {
    const entry = state?.repositories[repo.repository];
    return entry ? [{ repo, durationMs: Math.max(1, entry.durationMs) }] : [];
  });
  const rates = timed.filter(({ repo }) => repo.sizeKb).map(({ repo, durationMs }) => durationMs / repo.sizeKb!);
  const msPerKb = rates.length ? median(rates) : 1;
  const weights = new Map<string, number>();
  for (const repo of list) {
    const known = repo.weight ?? state?.repositories[repo.repository]?.durationMs;
    if (known !== undefined) weights.set(repo.repository, Math.max(1, known));
    else if (repo.sizeKb !== undefined) weights.set(repo.repository, Math.max(1, repo.sizeKb * msPerKb));
  }
  const fallback = weights.size ? median([...weights.values()]) : 1;
  for (const repo of list) if (!weights.has(repo.repository)) weights.set(repo.repository, fallback);
  return weights;
}

/**
 * The shard of every repository: heaviest first, each to the shard with the least weight so far (ties: the lower
 * shard; equal weights: by name), as CircleCI splits tests by timings. Every shard computes the same answer from the
 * same list and weights, so the parts are disjoint and cover the list without a coordinator.
 */
export function assignShards(weights: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const order = [...weights].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0));
  const load = new Array<number>(total).fill(0);
  const shardOf = new Map<string, number>();
  for (const [repository, weight] of order) {
    let lightest = 0;
    for (let shard = 1; shard < total; shard++) if (load[shard]! < load[lightest]!) lightest = shard;
    load[lightest]! += weight;
    shardOf.set(repository, lightest + 1);
  }
  return shardOf;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
