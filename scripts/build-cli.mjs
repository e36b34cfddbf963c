// Bundles what the npm package runs, with every dependency inside, so that `npm i -D keyward` installs one package
// and nothing has to resolve a tree of modules at run time:
// - dist/cli/: the CLI and its scan worker, as CommonJS. On Node 20 the first ES module a process loads starts the
//   ES module loader, some 15 ms, and each further module costs about 0.7 ms against 0.4 ms for a CommonJS file:
//   a hook or an editor starts keyward thousands of times a day, so the CLI is CommonJS (a package.json there says so).
// - dist/bundle/: the programmatic API and the ESLint plugin, as ES modules for the projects that import them.
// - dist/vendor/: the two dependencies src/lazy-require.ts loads on demand, beside both.
// In both bundles the code a command loads on demand (reports, history, verification…) stays in chunks of its own,
// read only when used. The TypeScript parser is left outside: the ESLint plugin takes it from the user's project.
//   node scripts/build-cli.mjs
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeTarget, replaceLazyRequire, requireShim, root } from './esbuild-common.mjs';

const dist = join(root, 'dist');
const folders = { cli: join(dist, 'cli'), bundle: join(dist, 'bundle'), vendor: join(dist, 'vendor') };
for (const folder of Object.values(folders)) rmSync(folder, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: nodeTarget,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  minify: true,
  plugins: [replaceLazyRequire(join(root, 'src/packaged-deps.ts'))],
};
// worker-pool.ts starts ./scan-worker.js beside itself: in each bundle, chunks and entries share one folder.
const chunked = { splitting: true, format: 'esm', chunkNames: 'chunk-[hash]', external: ['@typescript-eslint/parser'] };

const vendored = await build({
  ...common,
  entryPoints: { picomatch: 'picomatch', re2js: 're2js' },
  outdir: folders.vendor,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});

const library = await build({
  ...common,
  ...chunked,
  entryPoints: { index: join(root, 'src/index.ts'), eslint: join(root, 'src/eslint/index.ts'), 'scan-worker': join(root, 'src/scan/scan-worker.ts') },
  outdir: folders.bundle,
  banner: { js: requireShim },
});

/** commander's node:child_process, swapped for a stand-in that loads it on first use (see the shim for why). */
const childProcessOnDemand = {
  name: 'child-process-on-demand',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: join(root, 'scripts/shims/child-process-on-demand.cjs') } : undefined,
    );
  },
};

// esbuild splits only ES modules into chunks: the CLI is bundled as ES modules in memory, then each file is turned
// into CommonJS (imports become require calls, dynamic import() a require on first use). A chunk's exports are then
// getters on getters: a function another module calls for every character belongs on an object (see ascii-set.ts).
const MODULE_URL = '__keywardModuleUrl';
const cli = await build({
  ...common,
  ...chunked,
  plugins: [...common.plugins, childProcessOnDemand],
  entryPoints: { keyward: join(root, 'src/cli/start.ts'), 'scan-worker': join(root, 'src/scan/scan-worker.ts') },
  outdir: folders.cli,
  write: false,
  define: { 'import.meta.url': MODULE_URL },
});
mkdirSync(folders.cli, { recursive: true });
writeFileSync(join(folders.cli, 'package.json'), '{ "type": "commonjs" }\n');
// The compile cache keeps one folder per build (see src/cli/compile-cache.ts): the build's id hashes every file.
const buildId = createHash('sha256').update(cli.outputFiles.map((file) => file.text).join('\0')).digest('hex').slice(0, 16);
for (const file of cli.outputFiles) {
  const { code } = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: nodeTarget,
    minify: true,
    supported: { 'dynamic-import': false },
    define: { __keywardBuildId: JSON.stringify(buildId) },
  });
  // Only the few files that ask for their own URL compute it (pathToFileURL on every chunk costs milliseconds).
  writeFileSync(file.path, code.includes(MODULE_URL) ? withModuleUrl(code) : code);
}

writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), notices([vendored.metafile, library.metafile, cli.metafile]));
const count = (folder) => readdirSync(folder).filter((file) => /\.c?js$/.test(file)).length;
console.log(
  `bundled the CLI into ${relative(root, folders.cli)}/ (${count(folders.cli)} files), the API and the ESLint plugin into ${relative(root, folders.bundle)}/ (${count(folders.bundle)} files)`,
);

/** Declares the module's URL (what import.meta.url was) after the hashbang, if any. */
function withModuleUrl(code) {
  const declaration = `var ${MODULE_URL}=require("node:url").pathToFileURL(__filename).href;\n`;
  if (!code.startsWith('#!')) return declaration + code;
  const lineEnd = code.indexOf('\n') + 1;
  return code.slice(0, lineEnd) + declaration + code.slice(lineEnd);
}

/** The licence of every package the bundles carry: their licences ask that the notice travel with the code. */
function notices(metafiles) {
  // A package's folder is the input's path up to the last node_modules/<name>/ (nested copies are packages too).
  const packages = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]);
    }
  }
  const sections = [...packages].map((folder) => {
    const dir = join(root, folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `License: ${manifest.license}`;
    return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  return `keyward's bundles (dist/cli/, dist/bundle/, dist/vendor/) contain these packages:\n\n${sections.sort().join(`\n${'-'.repeat(78)}\n\n`)}`;
}
