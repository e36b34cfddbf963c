import { createRequire } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

/**
 * A Node built-in loaded the first time it is used, not when keyward starts: node:crypto costs ~5 ms to load
 * (19 M instructions), node:child_process with net and the streams less (deferring it and node:perf_hooks together
 * saves ~6 M instructions of a clean scan), while a clean scan of a folder needs neither a hash nor a git process.
 */
export function lazyBuiltin<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireBuiltin(name) as T);
}
