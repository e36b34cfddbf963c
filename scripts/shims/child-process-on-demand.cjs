// What commander gets for node:child_process in the CLI's bundle (scripts/build-cli.mjs). commander requires it when
// it loads, for subcommands that are separate executables, which keyward has none of; on Node 20 it brings net and
// the streams (with node:perf_hooks, ~6 M instructions of every start). Here it loads on first use, which never comes.
let childProcess;
module.exports = new Proxy({}, { get: (_, name) => (childProcess ??= require('node:child_process'))[name] });
