import { tokenCredentialFor } from './credentials.js';
import type { ListedRepository } from './listed-repository.js';
import { allPages, type PageOptions } from './listing-api.js';

export interface HostListing {
  /** API root: https://api.github.com, https://HOST/api/v3 (Enterprise Server), https://gitlab.com/api/v4… */
  apiUrl?: string;
  token?: string;
  includeForks?: boolean;
  includeArchived?: boolean;
  userAgent: string;
  /** Overrides for tests (waits, attempts). */
  pages?: Partial<PageOptions>;
}

interface GitHubRepository {
  full_name: string;
  clone_url: string;
  fork: boolean;
  archived: boolean;
  size?: number;
}

/**
 * An organization's or a user's repositories: REST `GET /orgs/{org}/repos` (or `/users/{user}/repos`), 100 a page,
 * forks and archived ones left out unless asked.
 */
export async function githubRepositories(owner: { org: string } | { user: string }, listing: HostListing): Promise<ListedRepository[]> {
  const api = (listing.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const path = 'org' in owner ? `orgs/${encodeURIComponent(owner.org)}/repos?type=all` : `users/${encodeURIComponent(owner.user)}/repos?type=owner`;
  const repos = await allPages<GitHubRepository>(`${api}/${path}&per_page=100`, {
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': listing.userAgent,
      ...(listing.token ? { authorization: `Bearer ${listing.token}` } : {}),
    },
    ...(listing.token ? { token: listing.token } : {}),
    ...listing.pages,
  });
  return repos
    .filter((repo) => (listing.includeForks || !repo.fork) && (listing.includeArchived || !repo.archived))
    .map((repo) => {
      const credential = tokenCredentialFor('github', repo.clone_url, listing.token);
      return {
        repository: repo.clone_url,
        source: repo.clone_url,
        ...(credential ? { credential } : {}),
        ...(typeof repo.size === 'number' ? { sizeKb: repo.size } : {}),
      };
    });
}
