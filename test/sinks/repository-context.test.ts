import { describe, expect, it } from 'vitest';
import { commitLineUrl } from '../../src/sinks/repository-context.js';

describe('commitLineUrl', () => {
  it("links a line at a commit on GitHub or GitLab from the repository's clone URL, in any spelling, and nothing elsewhere", () => {
    const commit = 'a'.repeat(40);
    expect(commitLineUrl('https://github.com/acme/api.git', commit, 'src/a b.js', 3)).toBe(`https://github.com/acme/api/blob/${commit}/src/a%20b.js#L3`);
    expect(commitLineUrl('git@github.com:acme/api.git', commit, 'x.js', 1)).toBe(`https://github.com/acme/api/blob/${commit}/x.js#L1`);
    expect(commitLineUrl('https://gitlab.com/acme/platform/web.git', commit, 'x.js', 9)).toBe(`https://gitlab.com/acme/platform/web/-/blob/${commit}/x.js#L9`);
    expect(commitLineUrl('file:///srv/git/api', commit, 'x.js', 1)).toBeUndefined();
    expect(commitLineUrl('../repos/api', commit, 'x.js', 1)).toBeUndefined();
  });
});
