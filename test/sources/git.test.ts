import { describe, expect, it } from 'vitest';
import { gitLines } from '../../src/sources/git.js';
import { TempRepo } from '../helpers/git-repo.js';

describe('gitLines', () => {
  it('hands on each non-empty line, the last one too when no newline ends it', async () => {
    const repo = TempRepo.init();
    const first = repo.commit('one', { 'a.txt': 'a\n' });
    const second = repo.commit('two', { 'b.txt': 'b\n' });
    // format: separates commits with a newline and ends the output without one; the blank lines are left out.
    const ids: string[] = [];
    await gitLines(['log', '--format=format:%H%n'], repo.dir, (line) => ids.push(line));
    expect(ids).toEqual([second, first]);
    const last: string[] = [];
    await gitLines(['log', '-1', '--format=format:%H'], repo.dir, (line) => last.push(line));
    expect(last).toEqual([second]);
  });
});
