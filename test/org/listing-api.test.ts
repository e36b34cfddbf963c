import { describe, expect, it } from 'vitest';
import { githubRepositories } from '../../src/org/github-repositories.js';
import { gitlabRepositories } from '../../src/org/gitlab-repositories.js';
import { ListingError, nextLink } from '../../src/org/listing-api.js';
import { startGitHost, type HostedRepository } from '../helpers/git-host.js';

const TOKEN = 'ghp_listingTestToken0123456789abcdefABCD';

function many(count: number, extra: (i: number) => Partial<HostedRepository> = () => ({})): HostedRepository[] {
  return Array.from({ length: count }, (_, i) => ({ name: `acme/repo-${String(i).padStart(3, '0')}`, cloneUrl: `https://git.example/acme/repo-${i}.git`, ...extra(i) }));
}

/** Waits are recorded, not slept: the test sees how long keyward would wait. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('GitHub listing', () => {
  it('follows Link pagination, sends the token as a header, and leaves forks and archived repositories out', async () => {
    const host = await startGitHost({ repositories: many(250, (i) => ({ fork: i % 50 === 1, archived: i % 50 === 2, sizeKb: i })), token: TOKEN });
    const repos = await githubRepositories({ org: 'acme' }, { apiUrl: host.apiUrl('github'), token: TOKEN, userAgent: 'keyward/test' });
    expect(host.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(host.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}` && r.url.includes('per_page=100'))).toBe(true);
    expect(host.requests.every((r) => !r.url.includes(TOKEN))).toBe(true);
    expect(repos).toHaveLength(240);
    expect(repos[0]).toMatchObject({ repository: 'https://git.example/acme/repo-0.git', sizeKb: 0, credential: { origin: 'https://git.example', username: 'x-access-token', password: TOKEN } });
    const all = await githubRepositories({ user: 'ada' }, { apiUrl: host.apiUrl('github'), token: TOKEN, userAgent: 'k', includeForks: true, includeArchived: true });
    expect(all).toHaveLength(250);
    expect(host.requests.at(-1)!.url).toMatch(/^\/api\/v3\/users\/ada\/repos\?/);
  });

  it('waits out a 403 rate limit until x-ratelimit-reset, and a 429 for its Retry-After', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const host = await startGitHost({
      repositories: many(3),
      hiccups: [
        { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } },
        { status: 429, headers: { 'retry-after': '7' } },
      ],
    });
    const { waits, sleep } = recordingSleep();
    const lines: string[] = [];
    const repos = await githubRepositories({ org: 'acme' }, { apiUrl: host.apiUrl('github'), userAgent: 'k', pages: { sleep, log: (line) => lines.push(line) } });
    expect(repos).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(waits[0]).toBeLessThanOrEqual(31_000);
    expect(waits[1]).toBe(7000);
    expect(lines[0]).toMatch(/rate limited by 127\.0\.0\.1:\d+: waiting \d+ s/);
  });

  it('gives up on a rate limit that resets later than it will wait, saying so', async () => {
    const host = await startGitHost({ repositories: many(1), hiccups: [{ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 7200) } }] });
    await expect(githubRepositories({ org: 'acme' }, { apiUrl: host.apiUrl('github'), userAgent: 'k', pages: { sleep: async () => undefined } })).rejects.toThrow(/rate limited for \d+ s more, longer than keyward waits/);
  });

  it('retries a 5xx with growing pauses, and fails with one line (no token) when it persists', async () => {
    const flaky = await startGitHost({ repositories: many(2), hiccups: [{ status: 502 }, { status: 503 }] });
    const { waits, sleep } = recordingSleep();
    expect(await githubRepositories({ org: 'acme' }, { apiUrl: flaky.apiUrl('github'), userAgent: 'k', pages: { sleep } })).toHaveLength(2);
    expect(waits).toEqual([1000, 2000]);

    const down = await startGitHost({ repositories: many(2), hiccups: Array.from({ length: 10 }, () => ({ status: 500 })) });
    const failure = githubRepositories({ org: 'acme' }, { apiUrl: down.apiUrl('github'), token: TOKEN, userAgent: 'k', pages: { sleep: async () => undefined } });
    await expect(failure).rejects.toThrow(ListingError);
    await expect(failure).rejects.toThrow(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3\/orgs\/acme\/repos: HTTP 500$/);
    expect(down.requests).toHaveLength(4);
  });

  it('names a wrong token without printing it', async () => {
    const host = await startGitHost({ repositories: many(1), token: 'the-right-one' });
    const failure = githubRepositories({ org: 'acme' }, { apiUrl: host.apiUrl('github'), token: TOKEN, userAgent: 'k' });
    await expect(failure).rejects.toThrow(/HTTP 401 \(the token is missing, wrong or expired\)/);
    await failure.catch((error: Error) => expect(error.message).not.toContain(TOKEN));
  });

  it('does not send a token to a clone URL over plain http on another machine', async () => {
    const host = await startGitHost({ repositories: [{ name: 'acme/a', cloneUrl: 'http://git.example/acme/a.git' }, { name: 'acme/b', cloneUrl: 'https://git.example/acme/b.git' }] });
    const repos = await githubRepositories({ org: 'acme' }, { apiUrl: host.apiUrl('github'), token: TOKEN, userAgent: 'k' });
    expect(repos.map((r) => Boolean(r.credential))).toEqual([false, true]);
  });
});

describe('GitLab listing', () => {
  it("lists a group's projects with its subgroups, 100 a page, with the token in PRIVATE-TOKEN", async () => {
    const host = await startGitHost({ repositories: many(130, (i) => ({ fork: i === 5, archived: i === 6 })), token: TOKEN });
    const repos = await gitlabRepositories('acme/platform', { apiUrl: host.apiUrl('gitlab'), token: TOKEN, userAgent: 'k' });
    expect(repos).toHaveLength(128);
    expect(host.requests).toHaveLength(2);
    const first = new URL(host.requests[0]!.url, 'http://x');
    expect(first.pathname).toBe('/api/v4/groups/acme%2Fplatform/projects');
    expect(first.searchParams.get('include_subgroups')).toBe('true');
    expect(host.requests[0]!.headers['private-token']).toBe(TOKEN);
    expect(repos[0]!.credential).toMatchObject({ username: 'oauth2', password: TOKEN });
  });
});

describe('nextLink', () => {
  it('finds rel="next" among the relations, in any order', () => {
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next"')).toBe('https://api.github.com/x?page=3');
    expect(nextLink('<https://a/x?page=9>; rel="last"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});
