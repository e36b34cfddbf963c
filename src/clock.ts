/**
 * Milliseconds from a fixed point, for durations: process.hrtime rather than the global `performance`, which loads
 * node:perf_hooks the first time it is touched (a cost of every start, and start-up is what a hook pays).
 */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
