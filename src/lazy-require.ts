import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * Dependencies loaded the first time they are needed, not at start-up: `keyward --version` and a staged scan of a
 * few files must not pay for a regex engine or a glob matcher they never use. (The GitHub Action's bundle swaps
 * this file for one that imports them outright: see scripts/build-action.mjs.)
 */
export const loadPicomatch = (): typeof import('picomatch') => load('picomatch') as typeof import('picomatch');
export const loadRe2js = (): typeof import('re2js') => load('re2js') as typeof import('re2js');
