import { retryAfterMs } from '../retry-after.js';
import { scrub } from './credentials.js';

/** A listing API failed for good: one line for the user (never the token), exit code 2. */
export class ListingError extends Error {
  override name = 'ListingError';
}

export interface PageOptions {
  headers: Record<string, string>;
  /** The token, scrubbed from any message that could echo it. */
  token?: string;
  /** The longest wait for a rate limit's reset keyward accepts before it gives up (default 15 min). */
  maxWaitMs?: number;
  /** Attempts at a page on a 5xx or a network error (default 4). */
  attempts?: number;
  /** The first pause after a 5xx; it doubles at each attempt (default 1 s). */
  backoffMs?: number;
  timeoutMs?: number;
  /** Injected in tests to observe the waits; real runs sleep. */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

/**
 * Every page of a paginated JSON list (GitHub's and GitLab's REST APIs alike): follows `Link: <…>; rel="next"`,
 * waits out rate limits (429, or 403 with `x-ratelimit-remaining: 0`, until `Retry-After` or `x-ratelimit-reset`)
 * and retries 5xx with backoff. Redirects to another origin are refused: the token goes to the API's host only.
 */
export async function allPages<T>(firstUrl: string, options: PageOptions): Promise<T[]> {
  const items: T[] = [];
  const origin = new URL(firstUrl).origin;
  let url: string | undefined = firstUrl;
  for (let page = 1; url; page++) {
    if (page > 10_000) throw new ListingError(`${where(firstUrl)}: more than 10,000 pages, stopped`);
    const response = await getPage(url, options);
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (!Array.isArray(body)) throw new ListingError(`${where(url)}: the answer is not a JSON list`);
    items.push(...(body as T[]));
    url = nextLink(response.headers.get('link'));
    if (url && new URL(url).origin !== origin) throw new ListingError(`${where(firstUrl)}: the next page is on another host (${new URL(url).origin}), not followed`);
  }
  return items;
}

async function getPage(url: string, options: PageOptions): Promise<Response> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = options.attempts ?? 4;
  const maxWait = options.maxWaitMs ?? 15 * 60_000;
  let failures = 0;
  for (;;) {
    let response: Response;
    try {
      response = await fetch(url, { headers: options.headers, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (error) {
      if (++failures >= attempts) throw new ListingError(`${where(url)}: ${scrub(describe(error), [options.token])}`);
      await sleep((options.backoffMs ?? 1000) * 2 ** (failures - 1));
      continue;
    }
    if (response.ok) return response;
    await response.arrayBuffer().catch(() => undefined); // free the connection
    const limitedFor = rateLimitWait(response);
    if (limitedFor !== undefined) {
      if (limitedFor > maxWait) throw new ListingError(`${where(url)}: rate limited for ${Math.ceil(limitedFor / 1000)} s more, longer than keyward waits`);
      options.log?.(`rate limited by ${new URL(url).host}: waiting ${Math.ceil(limitedFor / 1000)} s`);
      await sleep(limitedFor);
      continue;
    }
    if (response.status >= 500 && ++failures < attempts) {
      await sleep((options.backoffMs ?? 1000) * 2 ** (failures - 1));
      continue;
    }
    throw new ListingError(`${where(url)}: HTTP ${response.status}${hint(response.status)}`);
  }
}

/** How long a rate-limited answer asks to wait, or undefined when the answer is not a rate limit. */
function rateLimitWait(response: Response): number | undefined {
  const limited = response.status === 429 || (response.status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after')));
  if (!limited) return undefined;
  const retryAfter = retryAfterMs(response.headers.get('retry-after') ?? undefined);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(response.headers.get('x-ratelimit-reset') ?? response.headers.get('ratelimit-reset'));
  // GitHub sends the reset as epoch seconds; GitLab's RateLimit-Reset is too.
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now()) + 1000;
  return 60_000; // GitHub's advice for a secondary limit without a header: wait a minute
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;(?:[^;]*;)*\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]!.split(/\s+/).includes('next')) return match[1];
  }
  return undefined;
}

function hint(status: number): string {
  if (status === 401) return ' (the token is missing, wrong or expired)';
  if (status === 403) return ' (the token lacks a scope, or the organization restricts access)';
  if (status === 404) return ' (no such organization, user or group, or the token cannot see it)';
  return '';
}

/** A URL as an error names it: no query string (a token could be in one) and no credentials. */
function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function describe(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timed out';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? 'network error';
}
