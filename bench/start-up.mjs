// Start-up as the hook and the editor see it: medians of many runs of short commands, interleaved with `node -e 0`
// so that a slow moment of the machine costs every command alike.
import { spawnSync } from 'node:child_process';

// NODE_EXTRA_CA_CERTS makes every Node process read and parse a CA bundle at start (some 70 ms on the machines this
// project is built on, with ±20 ms of noise): the same for `node -e 0` and keyward, so it is left out of the runs.
const { NODE_EXTRA_CA_CERTS, ...environment } = process.env;
export const startUpNote = NODE_EXTRA_CA_CERTS ? 'NODE_EXTRA_CA_CERTS is unset for these runs (it adds the same CA parsing, and noise, to every Node start)' : '';

/** Rounds of the start-up runs: on a 2-core VM the medians of 21 moved by several ms from one bench run to the next. */
export const START_UP_ROUNDS = 41;

/** Median wall milliseconds of each [name, command, args, options] case, over `rounds` interleaved rounds. */
export function startUpTimes(cases, rounds = START_UP_ROUNDS) {
  const times = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    cases.forEach(([, command, args, options], i) => {
      const started = process.hrtime.bigint();
      const run = spawnSync(command, args, { stdio: 'ignore', env: environment, ...options });
      if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(cases.map(([name], i) => [name, median(times[i])]));
}
