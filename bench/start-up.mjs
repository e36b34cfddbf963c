// Start-up as the hook and the editor see it: medians of many runs of short commands, interleaved with `node -e 0`
// so that a slow moment of the machine costs every command alike.
import { spawnSync } from 'node:child_process';

/** Median wall milliseconds of each [name, command, args, options] case, over `rounds` interleaved rounds. */
export function startUpTimes(cases, rounds = 21) {
  const times = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    cases.forEach(([, command, args, options], i) => {
      const started = process.hrtime.bigint();
      const run = spawnSync(command, args, { stdio: 'ignore', ...options });
      if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(cases.map(([name], i) => [name, median(times[i])]));
}
