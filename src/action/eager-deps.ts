// The GitHub Action's stand-in for src/lazy-require.ts: a bundle cannot require packages at run time (the action
// runs without node_modules), so it imports them outright and esbuild puts them in the bundle.
import picomatch from 'picomatch';
import * as re2js from 're2js';

export const loadPicomatch = (): typeof import('picomatch') => picomatch;
export const loadRe2js = (): typeof import('re2js') => re2js;
