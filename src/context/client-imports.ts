import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CLIENT_MARKER, SERVER_MARKER } from './markers.js';
import { manifestLookup } from './nearest-manifest.js';
import { allMatches } from '../engine/all-matches.js';

/** Source files of a Next.js app: what a `'use client'` file can import. */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.cjs', '.mts', '.cts'];
/** Folders that hold no source of the app: dependencies, build output, git. */
const NOT_SOURCE = new Set(['node_modules', '.next', '.git', '.vercel', '.turbo', 'out', 'coverage']);
/** An app larger than this is not walked for its import graph (the classification falls back to paths and markers). */
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`; group 1 marks a type-only
 * import or export, which the bundler drops and which therefore ships nothing.
 */
const IMPORT = /(?:^|[^\w$.])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\bfrom\s*)?['"]([^'"\n]+)['"]|(?:^|[^\w$.])(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/**
 * Whether a file of a Next.js app ships to the browser through its imports: Next.js bundles for the client every
 * module a `'use client'` file imports, and what those import in turn, except server actions (`'use server'`) and
 * `server-only` modules. For files under a package.json that depends on `next`; the app's graph is read once, on
 * the first question about one of its files. Paths are as reported (relative to `cwd`).
 */
export function clientImportResolver(cwd = process.cwd(), manifests = manifestLookup()): (path: string) => boolean {
  const clientFilesOfApp = new Map<string, Set<string>>();
  return (path) => {
    if (path.startsWith('<')) return false;
    const file = resolve(cwd, path);
    const manifest = manifests(dirname(file));
    if (!manifest || !dependsOnNext(manifest.data)) return false;
    let client = clientFilesOfApp.get(manifest.dir);
    if (!client) clientFilesOfApp.set(manifest.dir, (client = clientFiles(manifest.dir)));
    return client.has(file);
  };
}

function dependsOnNext(data: Record<string, unknown> | undefined): boolean {
  const dependencies = (field: string) => (data?.[field] as Record<string, string> | undefined) ?? {};
  return Boolean(dependencies('dependencies').next ?? dependencies('devDependencies').next);
}

/** The app's `'use client'` files and everything they import, transitively (absolute paths). */
function clientFiles(app: string): Set<string> {
  const aliases = pathAliases(app);
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readSource(file));
    return texts.get(file);
  };
  const queue = sourceFiles(app).filter((file) => CLIENT_MARKER.test(textOf(file)?.slice(0, 2000) ?? ''));
  const client = new Set(queue);
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const imported of importsOf(file, textOf(file) ?? '', aliases)) {
      if (client.has(imported) || SERVER_MARKER.test(textOf(imported)?.slice(0, 2000) ?? '')) continue;
      client.add(imported);
      queue.push(imported);
    }
  }
  return client;
}

function sourceFiles(app: string): string[] {
  const files: string[] = [];
  const folders = [app];
  for (let folder = folders.pop(); folder !== undefined && files.length < MAX_FILES; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // a folder it cannot read holds no evidence
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !NOT_SOURCE.has(entry.name)) folders.push(join(folder, entry.name));
      else if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(join(folder, entry.name));
    }
  }
  return files.length < MAX_FILES ? files : [];
}

function readSource(file: string): string | undefined {
  try {
    return statSync(file).size <= MAX_FILE_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The app's own files that `file` imports at run time (packages are not the app's code). */
function importsOf(file: string, text: string, aliases: Array<[string, string[]]>): string[] {
  const found: string[] = [];
  for (const match of allMatches(IMPORT, text)) {
    if (match[1]) continue; // import type / export type
    const specifier = (match[2] ?? match[3])!;
    const bases = specifier.startsWith('.') ? [resolve(dirname(file), specifier)] : aliasTargets(specifier, aliases);
    for (const base of bases) {
      const target = resolveModule(base);
      if (target) {
        found.push(target);
        break;
      }
    }
  }
  return found;
}

/** A file as a bundler finds it: as named, with an extension, as a folder's index, or `x.js` written for `x.ts`. */
function resolveModule(base: string): string | undefined {
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  if (/\.[cm]?js$/.test(base)) candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((ext) => base.replace(/\.[cm]?js$/, ext)));
  return candidates.find((candidate) => SOURCE_FILE.test(candidate) && isFile(candidate));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** tsconfig/jsconfig `paths` (such as `"@/*": ["./src/*"]`), as [prefix, target prefixes] resolved to folders. */
function pathAliases(app: string): Array<[string, string[]]> {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const options = readJsonc(join(app, name))?.compilerOptions as { baseUrl?: string; paths?: Record<string, string[]> } | undefined;
    if (!options?.paths) continue;
    const base = resolve(app, options.baseUrl ?? '.');
    return Object.entries(options.paths).map(([pattern, targets]) => [pattern.replace(/\*$/, ''), targets.map((target) => resolve(base, target.replace(/\*$/, '')))]);
  }
  return [];
}

function aliasTargets(specifier: string, aliases: Array<[string, string[]]>): string[] {
  const alias = aliases.find(([prefix]) => (prefix.endsWith('/') ? specifier.startsWith(prefix) : specifier === prefix));
  if (!alias) return [];
  const rest = specifier.slice(alias[0].length);
  return alias[1].map((target) => (rest ? join(target, rest) : target));
}

/** tsconfig.json allows comments and trailing commas: strip them (outside strings) before JSON.parse. */
function readJsonc(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const json = text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, string: string | undefined) => string ?? '').replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
