// Bundles what the npm package runs into dist/bundle/: the CLI, its scan worker, the programmatic API and the ESLint
// plugin, with every dependency inside, so that `npm i -D keyward` installs one package and the CLI starts without
// resolving a tree of modules. Code the CLI loads on demand (reports, history, verification…) stays in chunks of
// its own, read only when used. The TypeScript parser is the one thing left outside: the ESLint plugin takes it from
// the user's project (an optional peer dependency).
//   node scripts/build-cli.mjs
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeTarget, replaceLazyRequire, requireShim, root } from './esbuild-common.mjs';

const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: nodeTarget, legalComments: 'none', logLevel: 'warning', metafile: true };

// The two dependencies src/lazy-require.ts loads on demand, as CommonJS files beside the bundle.
const vendored = await build({
  ...common,
  entryPoints: { picomatch: 'picomatch', re2js: 're2js' },
  outdir: join(outdir, 'vendor'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  minify: true,
});

const main = await build({
  ...common,
  entryPoints: {
    keyward: join(root, 'src/cli/start.ts'),
    // worker-pool.ts starts it as ./scan-worker.js beside itself: chunks and entries share one folder.
    'scan-worker': join(root, 'src/scan/scan-worker.ts'),
    index: join(root, 'src/index.ts'),
    eslint: join(root, 'src/eslint/index.ts'),
  },
  outdir,
  chunkNames: 'chunk-[hash]',
  splitting: true,
  format: 'esm',
  minify: true,
  external: ['@typescript-eslint/parser'],
  banner: { js: requireShim },
  plugins: [replaceLazyRequire(join(root, 'src/packaged-deps.ts'))],
});

writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), notices([vendored.metafile, main.metafile]));
const files = readdirSync(outdir, { recursive: true }).filter((file) => /\.c?js$/.test(String(file)));
console.log(`bundled the CLI, its worker, the API and the ESLint plugin into ${relative(root, outdir)}/ (${files.length} files)`);

/** The licence of every package the bundle carries: their licences ask that the notice travel with the code. */
function notices(metafiles) {
  // A package's folder is the input's path up to the last node_modules/<name>/ (nested copies are packages too).
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) folders.add(match[1]);
    }
  }
  const sections = [...folders].map((folder) => {
    const dir = join(root, folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `License: ${manifest.license}`;
    return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  return `keyward's bundle (dist/bundle/) contains these packages:\n\n${sections.sort().join(`\n${'-'.repeat(78)}\n\n`)}`;
}
