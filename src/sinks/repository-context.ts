import { relative, resolve } from 'node:path';
import { git } from '../sources/git.js';

/** Where the scanned files live in git terms: what a webhook receiver needs to find the leak. */
export interface RepositoryContext {
  remoteUrl?: string;
  head?: string;
  pathInRepository(path: string): string;
  /**
   * A link to the line on GitHub, only where it will open: the commit is on the remote (a remote-tracking ref holds
   * it), and, for a working-tree finding (`fromWorkTree`), the file is tracked and unchanged since that commit.
   */
  githubBlobUrl(commit: string | null, path: string, line: number, fromWorkTree: boolean): string | undefined;
  /** The same link on GitHub or GitLab, whichever hosts the remote. */
  lineUrl(commit: string | null, path: string, line: number, fromWorkTree: boolean): string | undefined;
}

/** The repository holding `dir`, or undefined when it is not in one (or git is missing). */
export function repositoryContext(dir: string, cwd: string): RepositoryContext | undefined {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dir).trim();
  } catch {
    return undefined;
  }
  const quiet = (args: string[]) => {
    try {
      return git(args, top).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const remoteUrl = stripCredentials(quiet(['config', '--get', 'remote.origin.url']));
  const head = quiet(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const github = remoteUrl ? githubRepo(remoteUrl) : undefined;
  const gitlab = remoteUrl ? gitlabProject(remoteUrl) : undefined;
  const onRemote = memo((commit: string) => Boolean(quiet(['for-each-ref', '--count=1', '--format=x', '--contains', commit, 'refs/remotes'])));
  // Tracked, and no change in the index or the work tree since HEAD: the line on GitHub is the line scanned.
  const committedAsIs = memo(
    (path: string) => Boolean(quiet(['ls-files', '-z', '--', `:(literal)${path}`])) && quiet(['status', '--porcelain', '-z', '--', `:(literal)${path}`]) === undefined,
  );
  // A link opens only at a commit the remote has, and, for a working-tree finding, to a file committed as it is.
  const linkOnHost = (commit: string | null, path: string, line: number, fromWorkTree: boolean) =>
    commit && onRemote(commit) && !(fromWorkTree && !committedAsIs(path)) ? commitLineUrl(remoteUrl!, commit, path, line) : undefined;
  return {
    ...(remoteUrl ? { remoteUrl } : {}),
    ...(head ? { head } : {}),
    pathInRepository: (path) => relative(top, resolve(cwd, path)).split('\\').join('/'),
    githubBlobUrl: (commit, path, line, fromWorkTree) => (github ? linkOnHost(commit, path, line, fromWorkTree) : undefined),
    lineUrl: (commit, path, line, fromWorkTree) => (github || gitlab ? linkOnHost(commit, path, line, fromWorkTree) : undefined),
  };
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

/** `https://user:token@host/x` → `https://host/x`: a remote URL may itself hold a credential. */
export function stripCredentials(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** `owner/name` of a GitHub remote in any of its spellings (https, ssh, scp-like), else undefined. */
export function githubRepo(remoteUrl: string): string | undefined {
  const m = /^(?:https?:\/\/|ssh:\/\/git@|git@)github\.com[/:]([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(remoteUrl);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The web address of a GitLab project (gitlab.com or a host named gitlab.*), from its remote in any spelling. */
export function gitlabProject(remoteUrl: string): string | undefined {
  const m = /^(?:https?:\/\/|ssh:\/\/git@|git@)(gitlab\.[\w.-]+)[/:](.+?)(?:\.git)?\/?$/i.exec(remoteUrl);
  return m ? `https://${m[1]}/${m[2]}` : undefined;
}

/** A line of a file at a commit on GitHub or GitLab, from the repository's clone URL; undefined for other hosts. */
export function commitLineUrl(remoteUrl: string, commit: string, path: string, line: number): string | undefined {
  const github = githubRepo(remoteUrl);
  if (github) return `https://github.com/${github}/blob/${commit}/${encodedPath(path)}#L${line}`;
  const gitlab = gitlabProject(remoteUrl);
  return gitlab ? `${gitlab}/-/blob/${commit}/${encodedPath(path)}#L${line}` : undefined;
}

function encodedPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
