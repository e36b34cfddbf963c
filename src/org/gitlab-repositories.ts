import { tokenCredentialFor } from './credentials.js';
import type { HostListing } from './github-repositories.js';
import type { ListedRepository } from './listed-repository.js';
import { allPages } from './listing-api.js';

interface GitLabProject {
  path_with_namespace: string;
  http_url_to_repo: string;
  archived?: boolean;
  forked_from_project?: unknown;
  statistics?: { repository_size?: number };
}

/**
 * A group's projects, its subgroups' included: REST `GET /groups/{id}/projects?include_subgroups=true`, 100 a page
 * (Link pagination, as GitHub's), forks and archived projects left out unless asked.
 */
export async function gitlabRepositories(group: string, listing: HostListing): Promise<ListedRepository[]> {
  const api = (listing.apiUrl ?? 'https://gitlab.com/api/v4').replace(/\/+$/, '');
  const query = `include_subgroups=true&per_page=100&order_by=id&sort=asc${listing.includeArchived ? '' : '&archived=false'}`;
  const projects = await allPages<GitLabProject>(`${api}/groups/${encodeURIComponent(group)}/projects?${query}`, {
    headers: { 'user-agent': listing.userAgent, ...(listing.token ? { 'private-token': listing.token } : {}) },
    ...(listing.token ? { token: listing.token } : {}),
    ...listing.pages,
  });
  return projects
    .filter((project) => (listing.includeForks || !project.forked_from_project) && (listing.includeArchived || !project.archived))
    .map((project) => {
      const bytes = project.statistics?.repository_size;
      const credential = tokenCredentialFor('gitlab', project.http_url_to_repo, listing.token);
      return {
        repository: project.http_url_to_repo,
        source: project.http_url_to_repo,
        ...(credential ? { credential } : {}),
        ...(typeof bytes === 'number' ? { sizeKb: Math.round(bytes / 1024) } : {}),
      };
    });
}
