import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * The npm package's stand-in for src/lazy-require.ts (see scripts/build-cli.mjs): the published CLI is a bundle with
 * no dependencies to install, and the two it loads only on demand are built into dist/vendor/ as CommonJS files (beside
 * dist/cli/ and dist/bundle/), so that
 * they are still read the first time a rule needs them, not at start-up.
 */
export const loadPicomatch = (): typeof import('picomatch') => load('../vendor/picomatch.cjs') as typeof import('picomatch');
export const loadRe2js = (): typeof import('re2js') => load('../vendor/re2js.cjs') as typeof import('re2js');
