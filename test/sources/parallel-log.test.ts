import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/sources/git.js';
import { parallelLog } from '../../src/sources/parallel-log.js';
import { TempRepo } from '../helpers/git-repo.js';

/** Runs parallelLog and returns, per batch (in the order of their first commit), the commit ids it printed. */
async function batches(repo: TempRepo, options: { jobs: number; batchSize: number; revisions?: string[] }) {
  const seen = new Map<number, { text: string; ended: boolean }>();
  const listed = await parallelLog(repo.dir, {
    revisions: options.revisions ?? ['--all'],
    logArgs: ['--format=format:%x01%H'],
    jobs: options.jobs,
    batchSize: options.batchSize,
    reader: (first) => {
      const part = { text: '', ended: false };
      seen.set(first, part);
      return { write: (text) => (part.text += text), end: () => (part.ended = true) };
    },
  });
  const ordered = [...seen].sort(([a], [b]) => a - b);
  const shasOf = (text: string) => text.split('\x01').map((line) => line.trim()).filter(Boolean);
  return {
    listed,
    firsts: ordered.map(([first]) => first),
    sizes: ordered.map(([, part]) => shasOf(part.text).length),
    allEnded: ordered.every(([, part]) => part.ended),
    shas: ordered.flatMap(([, part]) => shasOf(part.text)),
  };
}

describe('parallelLog', () => {
  it('shows every commit once, in rev-list order, cut into batches that each have their own reader', async () => {
    const repo = TempRepo.init();
    for (let i = 0; i < 7; i++) repo.commit(`c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const result = await batches(repo, { jobs: 3, batchSize: 2 });
    expect(result.listed).toBe(7);
    expect(result.allEnded).toBe(true);
    // Each batch starts where the one before it ended, and none is larger than asked.
    expect(result.firsts).toEqual(result.sizes.map((_, i) => result.sizes.slice(0, i).reduce((a, b) => a + b, 0)));
    expect(result.sizes.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...result.sizes)).toBeLessThanOrEqual(2);
    expect(result.shas).toEqual(repo.git('rev-list', '--all').trim().split('\n'));
  });

  it('gives later batches enough work to be worth a git process, once the pace is known', async () => {
    // 400 cheap commits, made at once by fast-import.
    const repo = TempRepo.init();
    let stream = '';
    // Each commit goes on from the one before on the same branch; a data block is its length, then its bytes.
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    for (let i = 0; i < 400; i++) {
      stream += `commit refs/heads/main\ncommitter A <a@example.com> ${1_700_000_000 + i} +0000\n${data(`c${i}`)}`;
      stream += `M 644 inline f${i % 7}.txt\n${data(`${i}\n`)}\n`;
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: stream });
    const result = await batches(repo, { jobs: 2, batchSize: 64 });
    expect(result.shas).toHaveLength(400);
    // A share of what is left alone cuts the list into 34 batches, the last ones of a single commit. A batch of some
    // 50 tiny commits takes a few tens of milliseconds, so 100 ms of work is more than the 64 commits allowed: 7
    // batches. The bound leaves room for a machine several times slower (no batch under 20 commits: 15 batches).
    expect(result.sizes.length).toBeLessThan(20);
  });

  it('gives one batch to a short history, and none to an empty one', async () => {
    const repo = TempRepo.init();
    expect(await batches(repo, { jobs: 2, batchSize: 1000 })).toMatchObject({ listed: 0, firsts: [] });
    repo.commit('only', { 'a.txt': 'a\n' });
    expect(await batches(repo, { jobs: 2, batchSize: 1000 })).toMatchObject({ listed: 1, firsts: [0] });
  });

  it("rejects with git's own message when the revisions are bad", async () => {
    const repo = TempRepo.init();
    repo.commit('only', { 'a.txt': 'a\n' });
    const run = batches(repo, { jobs: 2, batchSize: 1, revisions: ['--end-of-options', 'no-such-branch'] });
    await expect(run).rejects.toThrow(GitError);
    await expect(run).rejects.toThrow(/no-such-branch/);
  });
});
