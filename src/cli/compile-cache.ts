import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheDir } from '../cache-dir.js';

/** Set by scripts/build-cli.mjs in the CommonJS build: a hash of the whole bundle. */
declare const __keywardBuildId: string | undefined;

type CompileModule = (this: { exports: unknown }, content: string, filename: string) => unknown;
interface NodeModuleApi {
  enableCompileCache?: (dir?: string) => unknown;
  createRequire: typeof module.createRequire;
  prototype: { _compile: CompileModule };
}

/**
 * Keeps V8's compiled code of the CLI between runs, so that a run does not compile again what the last one did
 * (about a fifth of a small scan's start-up). Node 22 and later do it themselves (`module.enableCompileCache`); on
 * Node 20 the CommonJS build (dist/cli/) compiles its own files through a `vm.Script` given the cached data. The
 * cache lives in the user's cache folder, not a shared temporary one: cached code is code, and only the user may
 * write it. A cache that cannot be read or written is no cache; V8 refuses data from another V8 or another source.
 */
export function enableCompileCache(): void {
  const api = module as unknown as NodeModuleApi;
  const dir = join(defaultCacheDir(), 'compile-cache');
  if (api.enableCompileCache) {
    api.enableCompileCache(dir);
    return;
  }
  // Only the built CLI, which is CommonJS: from sources (tests) or an ES module bundle there is nothing to hook.
  if (typeof __filename !== 'string' || typeof __keywardBuildId !== 'string') return;
  // dist/: the CLI's files and the vendored dependencies beside them. A folder per build: V8 checks only a
  // source's length, and npm gives every file of a package the same time, so no two builds may share entries.
  const build = `keyward-${__keywardBuildId}-${process.version}-${process.arch}`;
  // The first run of a build makes its folder: the time to clear out those of builds no longer run here.
  const fresh = !existsSync(join(dir, build));
  cacheOwnFiles(api, dirname(dirname(__filename)), join(dir, build, runKind(process.argv.slice(2))), fresh ? () => pruneStaleBuilds(dir, build) : undefined);
}

/** The options that change which code a command runs: a staged scan reads a diff, a tree scan walks folders. */
const MODE_OPTIONS = new Set(['--staged', '--diff', '--version', '-v', '--help', '-h']);
const COMMAND_NAME = /^[a-z][a-z-]*$/;

/**
 * What kind of run this is, from its arguments: the command and the options that change its path (`scan--staged`).
 * V8's data for a file holds the functions compiled by the run that wrote it, and no later run adds to it; so each
 * kind has its own, and a hook's staged scans are not left with the code an empty scan happened to compile first.
 */
export function runKind(args: readonly string[]): string {
  const command = args.find((arg) => !arg.startsWith('-'));
  const modes = args.map((arg) => arg.split('=')[0]!).filter((option) => MODE_OPTIONS.has(option)).sort();
  return [command && COMMAND_NAME.test(command) ? command : 'default', ...new Set(modes)].join('');
}

/** A build folder not written for this long is taken for one of a keyward no longer run (another costs one cold start). */
const STALE_BUILD_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes the folders of other builds (another version, another Node) that were last written long ago: without it,
 * every upgrade would leave its predecessor's compiled code behind. A build in use keeps its folder's time from its
 * first run, so after a month another build's first run may take it: that build then compiles once more.
 */
export function pruneStaleBuilds(cacheDir: string, keep: string, now = Date.now()): void {
  try {
    for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !entry.name.startsWith('keyward-') || entry.name === keep) continue;
      const folder = join(cacheDir, entry.name);
      if (now - statSync(folder).mtimeMs > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
    }
  } catch {
    // A cache that cannot be tidied is still a cache.
  }
}

/**
 * Compiles the CommonJS files under `ownDir` with V8's cached data from `cacheDir`, and saves what is missing at exit
 * (then calls `afterSave`).
 */
function cacheOwnFiles(api: NodeModuleApi, ownDir: string, cacheDir: string, afterSave?: () => void): void {
  const compile = api.prototype._compile;
  const unsaved: Array<{ file: string; script: Script }> = [];
  api.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(ownDir + sep)) return compile.call(this, content, filename);
    const file = join(cacheDir, `${basename(dirname(filename))}-${basename(filename)}.bin`);
    const cachedData = readCache(file);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${content}\n})`, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, api.createRequire(filename), this, filename, dirname(filename));
  };
  // At exit the data holds the functions this run compiled too, not only the files' top levels.
  process.once('exit', () => {
    for (const { file, script } of unsaved) writeCache(file, script.createCachedData());
    afterSave?.();
  });
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written under a temporary name and renamed: a run starting meanwhile reads a whole entry or none. */
function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // A read-only home or a full disk: the next run compiles again, which is all a cache may cost.
  }
}
