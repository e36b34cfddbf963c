import { StringDecoder } from 'node:string_decoder';
import { lazyBuiltin } from '../lazy-builtin.js';

/** Loaded with the first git command: a scan of a folder runs none. */
const childProcess = lazyBuiltin<typeof import('node:child_process')>('node:child_process');

/** git is missing, or the folder is not a repository: one line for the user, exit code 2. */
export class GitError extends Error {
  override name = 'GitError';
}

/**
 * Settings that would change git's output format under us, whatever the user's ~/.gitconfig says.
 * quotePath=false keeps UTF-8 names as they are (only control characters and quotes are still C-quoted).
 */
const NEUTRAL_CONFIG = [
  '-c', 'core.quotePath=false',
  '-c', 'color.ui=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.relative=false',
  '-c', 'diff.external=',
  '-c', 'log.showSignature=false',
];

/**
 * Runs a short git command (with `input` on its stdin, if given) and returns its stdout; throws GitError with git's
 * own first line on failure.
 */
export function git(args: string[], cwd: string, input?: string): string {
  const result = childProcess().spawnSync('git', [...NEUTRAL_CONFIG, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });
  if (result.error) throw gitSpawnError(result.error);
  if (result.status !== 0) throw new GitError(firstLine(result.stderr) || `git ${args[0]} failed`);
  return result.stdout;
}

/** What a long git command may also be given: a signal that stops it (a timeout), and variables for its environment. */
export interface GitRunOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/**
 * Streams a git command's stdout, decoded as UTF-8 (invalid bytes replaced, multi-byte characters never split),
 * into `onText` block by block, without ever holding the whole output. `input`, when given, is written to git's
 * stdin (`--stdin` lists). Resolves when git exits 0; rejects with GitError (git's first line) otherwise, or, when
 * `run.signal` stopped it, with its reason.
 */
export async function gitStream(args: string[], cwd: string, onText: (text: string) => void, input?: string, run: GitRunOptions = {}): Promise<void> {
  const decoder = new StringDecoder('utf8');
  await gitBytes(args, cwd, (bytes) => onText(decoder.write(bytes)), input, run);
  onText(decoder.end());
}

/**
 * The same, line by line: each non-empty line of stdout (a list of ids, of refs) as soon as it is whole. The last line
 * is handed on once git has exited 0, whether or not a newline ends it.
 */
export async function gitLines(args: string[], cwd: string, onLine: (line: string) => void, input?: string, run: GitRunOptions = {}): Promise<void> {
  let partial = '';
  await gitStream(args, cwd, (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line) onLine(line);
  }, input, run);
  if (partial) onLine(partial);
}

/**
 * The same, with stdout as git writes it, in Buffers: `git log -p --all` of a large repository is gigabytes, and a
 * reader of bytes decodes only what it needs.
 */
export function gitBytes(args: string[], cwd: string, onBytes: (bytes: Buffer) => void, input?: string, run: GitRunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) return reject(stoppedBy(run.signal));
    const child = childProcess().spawn('git', [...NEUTRAL_CONFIG, ...args], {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(run.env ? { env: { ...process.env, ...run.env } } : {}),
    });
    const onAbort = () => fail(stoppedBy(run.signal!));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    if (input !== undefined) {
      child.stdin!.on('error', () => undefined); // git exiting early closes its stdin: its exit code tells why
      child.stdin!.end(input);
    }
    let stderr = '';
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    const guarded = (work: () => void) => {
      try {
        work();
      } catch (error) {
        fail(error as Error);
      }
    };
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (part: string) => {
      if (stderr.length < 4096) stderr += part;
    });
    child.stdout!.on('data', (part: Buffer) => {
      if (!failed) guarded(() => onBytes(part));
    });
    child.on('error', (error) => fail(gitSpawnError(error)));
    child.on('close', (code) => {
      run.signal?.removeEventListener('abort', onAbort);
      if (failed) return;
      if (code === 0) resolve();
      else fail(new GitError(firstLine(stderr) || `git ${args[0]} exited with ${code}`));
    });
  });
}

/** The GitError of a git command stopped by its signal: the signal's reason, when it gave one, says why. */
function stoppedBy(signal: AbortSignal): GitError {
  const reason: unknown = signal.reason;
  return new GitError(reason instanceof Error && reason.name !== 'AbortError' ? reason.message : 'stopped');
}

function gitSpawnError(error: NodeJS.ErrnoException): GitError {
  return new GitError(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `cannot run git: ${error.message}`);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}

/** The sizes of objects, in one `git cat-file --batch-check` call; missing ones are absent from the map. */
export function objectSizes(ids: string[], cwd: string): Map<string, number> {
  const sizes = new Map<string, number>();
  if (ids.length === 0) return sizes;
  const listing = git(['cat-file', '--batch-check=%(objectname) %(objectsize)'], cwd, `${ids.join('\n')}\n`);
  for (const line of listing.split('\n')) {
    const [id, size] = line.split(' ');
    if (id && size && /^\d+$/.test(size)) sizes.set(id, Number(size));
  }
  return sizes;
}

/** The contents of `rev:path` objects, in one `git cat-file --batch` call; missing ones are absent from the map. */
export function readObjects(specs: string[], cwd: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const wanted = specs.filter((spec) => !spec.includes('\n'));
  if (wanted.length === 0) return found;
  const result = childProcess().spawnSync('git', [...NEUTRAL_CONFIG, 'cat-file', '--batch'], {
    cwd,
    input: `${wanted.join('\n')}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw gitSpawnError(result.error);
  const out = result.stdout;
  let at = 0;
  for (const spec of wanted) {
    const eol = out.indexOf(10, at);
    if (eol === -1) break;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    found.set(spec, out.subarray(at, at + size));
    at += size + 1;
  }
  return found;
}
