import { spawn, spawnSync } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

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

/** Runs a short git command and returns its stdout; throws GitError with git's own first line on failure. */
export function git(args: string[], cwd: string): string {
  const result = spawnSync('git', [...NEUTRAL_CONFIG, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw gitSpawnError(result.error);
  if (result.status !== 0) throw new GitError(firstLine(result.stderr) || `git ${args[0]} failed`);
  return result.stdout;
}

/**
 * Streams a git command's stdout line by line (UTF-8, invalid bytes replaced, CRs kept), without ever holding
 * the whole output: `git log -p --all` of a large repository is gigabytes.
 */
export async function* gitLines(args: string[], cwd: string): AsyncGenerator<string> {
  const child = spawn('git', [...NEUTRAL_CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (part: string) => {
    if (stderr.length < 4096) stderr += part;
  });
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => reject(gitSpawnError(error)));
    child.on('close', (code) => resolve(code ?? 1));
  });
  exit.catch(() => undefined); // observed below; avoid an unhandled rejection while lines are still being read
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const part of child.stdout) {
      const text = rest + decoder.write(part as Buffer);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  if (code !== 0) throw new GitError(firstLine(stderr) || `git ${args[0]} exited with ${code}`);
}

function gitSpawnError(error: NodeJS.ErrnoException): GitError {
  return new GitError(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `cannot run git: ${error.message}`);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}

/** The contents of `rev:path` objects, in one `git cat-file --batch` call; missing ones are absent from the map. */
export function readObjects(specs: string[], cwd: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const wanted = specs.filter((spec) => !spec.includes('\n'));
  if (wanted.length === 0) return found;
  const result = spawnSync('git', [...NEUTRAL_CONFIG, 'cat-file', '--batch'], {
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
