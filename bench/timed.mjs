// One timed run of a command, for every bench script: wall seconds, the result, and peak RSS when GNU time is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time reports the peak RSS of what it runs; without it, RSS is not measured. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export function timed(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const [cmd, cmdArgs] = GNU_TIME ? [GNU_TIME, ['-f', 'keyward-bench-rss-kb %M', command, ...args]] : [command, args];
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1024 ** 3, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /keyward-bench-rss-kb (\d+)/.exec(result.stderr ?? '')?.[1];
  return { seconds, result, rssMb: rss ? Number(rss) / 1024 : NaN };
}

/**
 * The median run of each of several commands, run in turns (one round runs each once): on a VM whose speed drifts
 * by a third within minutes, two commands timed one after the other are timed at different speeds, and a ratio of
 * their medians says more about the moment than about the commands. `runs` maps a name to a function returning a
 * `{ seconds }` run; the result maps each name to its median run.
 */
export function interleaved(rounds, runs) {
  const all = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const [name, run] of Object.entries(runs)) all[name].push(run());
  return Object.fromEntries(Object.entries(all).map(([name, list]) => [name, list.sort((a, b) => a.seconds - b.seconds)[Math.floor(list.length / 2)]]));
}
