// What the two bundles (the npm package's, scripts/build-cli.mjs; the Action's, scripts/build-action.mjs) share.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Node 20 is the oldest runtime `engines` allows. */
export const nodeTarget = 'node20';

/** Some bundled CommonJS packages call require(); an ES module has none, so give it one. */
export const requireShim = "import { createRequire as __keywardCreateRequire } from 'node:module';\nconst require = __keywardCreateRequire(import.meta.url);";

/** An esbuild plugin that swaps src/lazy-require.ts for another module (how each bundle reaches its dependencies). */
export function replaceLazyRequire(replacement) {
  return {
    name: 'replace-lazy-require',
    setup(build) {
      build.onResolve({ filter: /lazy-require\.js$/ }, () => ({ path: replacement }));
    },
  };
}
