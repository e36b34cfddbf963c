import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempTree } from './temp-dir.js';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Ada Tester',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Tester',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A real git repository in a temporary folder, with a clock that advances one minute per commit. */
export class TempRepo {
  private clock = Date.parse('2024-01-01T00:00:00Z');
  /** How far the clock moves at each git command (0: every commit gets the same date). */
  tick = 60_000;

  constructor(readonly dir: string) {}

  static init(options: { dir?: string } = {}): TempRepo {
    const repo = new TempRepo(options.dir ?? tempTree());
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'commit.gpgsign', 'false');
    repo.git('config', 'protocol.file.allow', 'always');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(path: string, content: string | Buffer): this {
    const target = join(this.dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { recursive: true, force: true });
    return this;
  }

  /** Writes `files`, stages everything, commits; returns the new commit's sha. */
  commit(message: string, files: Record<string, string | Buffer> = {}): string {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  private env(): NodeJS.ProcessEnv {
    this.clock += this.tick;
    const date = new Date(this.clock).toISOString();
    return { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }
}

/** Runs git outside any repository object (clone, worktree add). */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
