import { createRequire } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

/**
 * A Node built-in loaded the first time it is used, not when keyward starts: some load much more than their name
 * (node:crypto all of crypto, some 3 ms; node:child_process net and the streams, some 6 ms), while a clean scan of a
 * folder needs neither a hash nor a git process.
 */
export function lazyBuiltin<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireBuiltin(name) as T);
}
