import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { afterEach } from 'vitest';

/** One scripted answer to an API request before the real one: a rate limit, a server error. */
export interface Hiccup {
  status: number;
  headers?: Record<string, string>;
}

export interface HostedRepository {
  /** `owner/name` on the fake host. */
  name: string;
  /** A bare repository served over git's dumb HTTP protocol at /git/<name>.git, behind the token. */
  bareDir?: string;
  /** Or any URL the listing gives as the clone URL (file://, a path that does not exist…). */
  cloneUrl?: string;
  fork?: boolean;
  archived?: boolean;
  sizeKb?: number;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/**
 * A real HTTP server on 127.0.0.1 standing in for GitHub and GitLab: their repository listing APIs (100 a page at
 * most, `per_page` honoured, Link pagination), scripted hiccups before the answers, and the repositories themselves
 * over git's dumb HTTP protocol (static files after `git update-server-info`), refused without the token.
 */
export async function startGitHost(options: { repositories: HostedRepository[]; token?: string; hiccups?: Hiccup[]; pageSize?: number }) {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const hiccups = [...(options.hiccups ?? [])];
  for (const repo of options.repositories) if (repo.bareDir) execFileSync('git', ['update-server-info'], { cwd: repo.bareDir });
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://127.0.0.1');
    requests.push({ url: request.url!, headers: request.headers });
    if (url.pathname.startsWith('/git/')) return serveGit(url.pathname, request.headers, response);
    const hiccup = hiccups.shift();
    if (hiccup) return void response.writeHead(hiccup.status, hiccup.headers).end('{"message":"hiccup"}');
    const github = /^\/api\/v3\/(?:orgs|users)\/([^/]+)\/repos$/.exec(url.pathname);
    const gitlab = /^\/api\/v4\/groups\/([^/]+)\/projects$/.exec(url.pathname);
    if (!github && !gitlab) return void response.writeHead(404).end('{"message":"Not Found"}');
    if (options.token && !authorised(request.headers, options.token)) return void response.writeHead(401).end('{"message":"Bad credentials"}');
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30), options.pageSize ?? 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const all = options.repositories.filter((repo) => !gitlab || url.searchParams.get('archived') !== 'false' || !repo.archived);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page * perPage < all.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<http://127.0.0.1:${port}${next.pathname}${next.search}>; rel="next", <http://127.0.0.1:${port}${url.pathname}>; rel="first"`;
    }
    const body = slice.map((repo) => {
      const cloneUrl = repo.cloneUrl ?? `http://127.0.0.1:${port}/git/${repo.name}.git`;
      return github
        ? { full_name: repo.name, clone_url: cloneUrl, fork: Boolean(repo.fork), archived: Boolean(repo.archived), size: repo.sizeKb ?? 1 }
        : { path_with_namespace: repo.name, http_url_to_repo: cloneUrl, archived: Boolean(repo.archived), ...(repo.fork ? { forked_from_project: { id: 1 } } : {}) };
    });
    response.writeHead(200, headers).end(JSON.stringify(body));
  });

  function authorised(headers: IncomingHttpHeaders, token: string): boolean {
    const basic = (user: string) => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
    return [`Bearer ${token}`, basic('x-access-token'), basic('oauth2')].includes(headers.authorization ?? '') || headers['private-token'] === token;
  }

  function serveGit(pathname: string, headers: IncomingHttpHeaders, response: import('node:http').ServerResponse): void {
    if (options.token && !authorised(headers, options.token)) return void response.writeHead(401, { 'www-authenticate': 'Basic realm="git"' }).end();
    const match = /^\/git\/(.+?\.git)\/(.*)$/.exec(pathname);
    const repo = match && options.repositories.find((r) => `${r.name}.git` === match[1] && r.bareDir);
    const file = repo ? normalize(join(repo.bareDir!, match![2]!)) : undefined;
    if (!file || !file.startsWith(repo!.bareDir!) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200).end(readFileSync(file));
  }

  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { apiUrl: (kind: 'github' | 'gitlab') => `http://127.0.0.1:${port}/api/${kind === 'github' ? 'v3' : 'v4'}`, requests, port };
}
