import { describe, expect, it } from 'vitest';
import { CommitsOutsideHead } from '../../src/scan/commits-outside-head.js';
import { TempRepo } from '../helpers/git-repo.js';

/** main: a ← b, merged: a ← m (merged into main by c), feature: a ← f (never merged). */
function branchyRepo() {
  const repo = TempRepo.init();
  const a = repo.commit('a', { 'a.txt': 'a\n' });
  repo.git('checkout', '-q', '-b', 'merged');
  const m = repo.commit('m', { 'm.txt': 'm\n' });
  repo.git('checkout', '-q', 'main');
  const b = repo.commit('b', { 'b.txt': 'b\n' });
  repo.git('merge', '-q', '--no-edit', 'merged');
  const c = repo.head();
  repo.git('checkout', '-q', '-b', 'feature', a);
  const f = repo.commit('f', { 'f.txt': 'f\n' });
  repo.git('checkout', '-q', 'main');
  return { repo, a, b, c, m, f };
}

describe('CommitsOutsideHead', () => {
  it('names the commits HEAD does not reach, merged branches being reached', async () => {
    const { repo, a, b, c, m, f } = branchyRepo();
    const outside = new CommitsOutsideHead(repo.dir, ['--all', '--end-of-options']);
    outside.start();
    expect(await outside.among([a, b, c, m, f])).toEqual(new Set([f]));
    expect(await outside.among([a, m])).toEqual(new Set());
  });

  it('starts the listing when asked, if no finding started it, and asks nothing for no commits', async () => {
    const { repo, b, f } = branchyRepo();
    expect(await new CommitsOutsideHead(repo.dir, ['--all', '--end-of-options']).among([b, f])).toEqual(new Set([f]));
    expect(await new CommitsOutsideHead('/nonexistent', ['--all', '--end-of-options']).among([])).toEqual(new Set());
  });

  it('lists within what a branch or a range scans', async () => {
    const { repo, a, f } = branchyRepo();
    expect(await new CommitsOutsideHead(repo.dir, ['--end-of-options', 'feature']).among([a, f])).toEqual(new Set([f]));
    expect(await new CommitsOutsideHead(repo.dir, ['--end-of-options', `${a}..feature`]).among([f])).toEqual(new Set([f]));
  });

  it('finds nothing outside a HEAD that does not exist (an unborn branch), as before a first commit', async () => {
    const { repo, f } = branchyRepo();
    repo.git('checkout', '-q', '--orphan', 'fresh');
    expect(await new CommitsOutsideHead(repo.dir, ['--all', '--end-of-options']).among([f])).toEqual(new Set());
  });

  it('answers at once once stopped, without waiting for git', async () => {
    const { repo, f } = branchyRepo();
    const outside = new CommitsOutsideHead(repo.dir, ['--all', '--end-of-options']);
    outside.start();
    outside.stop();
    expect(await outside.among([f])).toEqual(new Set());
  });

  it('stops when the scan\'s own signal does', async () => {
    const { repo, f } = branchyRepo();
    const controller = new AbortController();
    const outside = new CommitsOutsideHead(repo.dir, ['--all', '--end-of-options'], controller.signal);
    controller.abort();
    expect(await outside.among([f])).toEqual(new Set());
  });
});
