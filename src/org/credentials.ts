import { isLoopbackHost } from '../config/schema.js';

/**
 * Tokens for the listing APIs and for git, kept out of every URL: a URL is written to a mirror's config, a state
 * file and reports, so credentials travel only in an HTTP header that git reads from its environment.
 */

/** The credential for a listed repository's clone URL, when there is a token and the URL may carry it (tokenCredential). */
export function tokenCredentialFor(host: TokenHost, cloneUrl: string, token: string | undefined): GitCredential | undefined {
  const origin = originOf(cloneUrl);
  return token && origin ? tokenCredential(host, origin, token) : undefined;
}

/**
 * A URL as it may be shown and stored: an http(s) URL without user name or password (a token is often written as
 * the user name); any other URL without its password (`ssh://git@host/…` keeps its user); a local path as given.
 */
export function withoutCredentials(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed || (!parsed.username && !parsed.password)) return url;
  if (isHttp(parsed)) parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** The credentials written into an http(s) URL (`https://user:token@host/…`, `https://token@host/…`), as HTTP Basic sends them. */
export function credentialsIn(url: string): { username: string; password: string } | undefined {
  const parsed = parseUrl(url);
  if (!parsed || !isHttp(parsed) || (!parsed.username && !parsed.password)) return undefined;
  return { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}

function isHttp(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

function parseUrl(url: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Where a repository's clone may send a credential: the origin of its http(s) URL, and no other. */
export function originOf(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && isHttp(parsed) ? parsed.origin : undefined;
}

/** The user name each host expects beside a token in HTTP Basic (GitHub: any; GitLab: oauth2). */
export type TokenHost = 'github' | 'gitlab';
const BASIC_USER: Record<TokenHost, string> = { github: 'x-access-token', gitlab: 'oauth2' };

/** A token for git over HTTPS, and the origin it may be sent to. */
export interface GitCredential {
  origin: string;
  username: string;
  password: string;
}

/**
 * The credential for a host's token at a clone URL's origin; none over plain http except to this machine, so a token
 * never crosses a network in clear.
 */
export function tokenCredential(host: TokenHost, origin: string, token: string): GitCredential | undefined {
  const { protocol, hostname } = new URL(origin);
  if (protocol !== 'https:' && !(protocol === 'http:' && isLoopbackHost(hostname))) return undefined;
  return { origin, username: BASIC_USER[host], password: token };
}

/**
 * git settings, by environment (GIT_CONFIG_COUNT…, git ≥ 2.31), that send the credential as a header to its origin
 * only: never on the command line (other users see that in `ps`) nor in the mirror's config on disk. Prompts are
 * off, so a private repository without a token fails at once instead of waiting for a password.
 */
export function gitEnvironment(credential: GitCredential | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
  if (!credential) return env;
  const basic = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
  return {
    ...env,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${credential.origin}/.extraHeader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}

/** Replaces every secret in a message (git's stderr, an API error) by `***`, whatever else it says. */
export function scrub(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join('***');
  }
  // A URL with credentials in it, whoever wrote it there.
  return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
}
