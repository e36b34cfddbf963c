import { createRequire } from 'node:module';

/**
 * Loads a dependency the first time it is needed, not at start-up: `keyward --version` and a staged scan of a
 * few files must not pay for a YAML parser, a schema validator or a regex engine they never use.
 */
export const lazyRequire = createRequire(import.meta.url);
