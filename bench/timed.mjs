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
