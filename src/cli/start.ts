#!/usr/bin/env node
// The CLI's entry point. The compile cache keeps V8's compiled code between runs (a hook and an editor start keyward
// thousands of times a day); it has to be on before the CLI's own modules load, hence this file, which imports them
// afterwards. No top-level await: the build turns the CLI into CommonJS (see scripts/build-cli.mjs).
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Asked by scripts and editors to find out what is installed: answered without loading the command line parser.
  void import('../package-root.js').then(({ packageVersion }) => process.stdout.write(`${packageVersion()}\n`));
} else {
  void import('./main.js');
}
