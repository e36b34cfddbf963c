import { describe, expect, it } from 'vitest';
import { assignShards, parseShard, repositoryWeights, shardFromEnvironment } from '../../src/org/shards.js';
import type { OrgState } from '../../src/org/org-state.js';

describe('shards', () => {
  it('reads K/N and refuses what is not a shard', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard takes K\/N/);
  });

  it("normalises each engine's variables to 1-based shards", () => {
    expect(shardFromEnvironment({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '5' })).toEqual({ index: 3, total: 5 });
    expect(shardFromEnvironment({ BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '4' })).toEqual({ index: 1, total: 4 });
    expect(shardFromEnvironment({ CIRCLE_NODE_INDEX: '3', CIRCLE_NODE_TOTAL: '4' })).toEqual({ index: 4, total: 4 });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' }, 3)).toEqual({ index: 3, total: 3 });
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' })).toThrow(/--shard-total N/);
    expect(() => shardFromEnvironment({ CI_NODE_INDEX: '6', CI_NODE_TOTAL: '5' })).toThrow(/not a shard of 5/);
    expect(() => shardFromEnvironment({})).toThrow(/no CI variable says which shard/);
  });

  it('cuts a list into disjoint parts that cover it, balanced by weight', () => {
    const weights = new Map<string, number>();
    for (let i = 0; i < 300; i++) weights.set(`repo-${i}`, i % 17 === 0 ? 5000 : 10 + (i % 7) * 13);
    const shardOf = assignShards(weights, 4);
    expect([...shardOf.keys()].sort()).toEqual([...weights.keys()].sort());
    const loads = [1, 2, 3, 4].map((k) => [...shardOf].filter(([, s]) => s === k).reduce((sum, [name]) => sum + weights.get(name)!, 0));
    const total = loads.reduce((a, b) => a + b, 0);
    // Greedy by weight: no shard is further from the mean than the heaviest single repository.
    for (const load of loads) expect(Math.abs(load - total / 4)).toBeLessThanOrEqual(5000);
    expect(Math.max(...loads) / Math.min(...loads)).toBeLessThan(1.2);
    // The same input, the same answer, in any order.
    expect(assignShards(new Map([...weights].reverse()), 4)).toEqual(shardOf);
  });

  it('weighs by the last duration, else by size at the timed rate, else the median', () => {
    const state: OrgState = {
      kind: 'keyward-state',
      version: 1,
      repositories: { a: { tips: {}, rules: 'x', durationMs: 2000, fingerprints: [], scannedAt: '' } },
    };
    const weights = repositoryWeights(
      [
        { repository: 'a', source: 'a', sizeKb: 1000 },
        { repository: 'b', source: 'b', sizeKb: 500 },
        { repository: 'c', source: 'c' },
      ],
      state,
    );
    expect(Object.fromEntries(weights)).toEqual({ a: 2000, b: 1000, c: 1500 });
    expect(Object.fromEntries(repositoryWeights([{ repository: 'x', source: 'x' }], undefined))).toEqual({ x: 1 });
  });
});
