import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isLoopbackAddress, isPublicAddress } from './address-guard.js';
import { routed, type OriginMap } from './verify-origins.js';

/** A request ready to send: the key is in it, so nothing here may print it. */
export interface PreparedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer, or why there is none (in words that never hold the key). */
export type RequestOutcome = { answer: HttpAnswer } | { error: string };

export interface SendOptions {
  origins: OriginMap;
  timeoutMs: number;
  userAgent: string;
  signal?: AbortSignal;
}

/** Enough of an answer to judge it: identity endpoints answer in a few hundred bytes. */
const MAX_BODY = 256 * 1024;

/**
 * Sends one request to the origin its rule names, and nowhere else: https only; the host name resolved, every
 * address checked, and the connection made to the checked address (a second DNS answer cannot slip in); TLS verified
 * against the host name; no redirect followed; a deadline on the whole exchange. A KEYWARD_VERIFY_ORIGINS stand-in
 * may be plain http, on loopback only.
 */
export async function sendRequest(prepared: PreparedRequest, options: SendOptions): Promise<RequestOutcome> {
  const { url, standIn } = routed(prepared.url, options.origins);
  if (url.protocol !== 'https:' && !(standIn && url.protocol === 'http:')) return { error: `refused: ${url.protocol} is not https` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    return { error: `cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? 'DNS error'}` };
  }
  const allowed = (address: string) => isPublicAddress(address) || (standIn && isLoopbackAddress(address));
  const refused = addresses.find(({ address }) => !allowed(address));
  if (refused || addresses.length === 0) return { error: `refused: ${host} resolves to ${refused?.address ?? 'nothing'}, not a public address` };
  if (url.protocol === 'http:' && !addresses.every(({ address }) => isLoopbackAddress(address))) {
    return { error: 'refused: plain http is allowed only to a loopback stand-in' };
  }
  const checked = addresses[0]!;
  const pinned: LookupFunction = (_name, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [checked]);
    else callback(null, checked.address, checked.family);
  };
  return exchange(prepared, url, pinned, options);
}

function exchange(prepared: PreparedRequest, url: URL, pinned: LookupFunction, options: SendOptions): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (outcome: RequestOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(outcome);
    };
    const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json', ...prepared.headers };
    if (prepared.body !== undefined) headers['content-length'] = String(Buffer.byteLength(prepared.body));
    const req = send(url, { method: prepared.method, headers, lookup: pinned, rejectUnauthorized: true }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => finish({ answer: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY) } }));
      res.on('error', () => finish({ error: 'the answer was cut off' }));
    });
    const timer = setTimeout(() => finish({ error: `no answer within ${options.timeoutMs} ms` }), options.timeoutMs);
    const onAbort = () => finish({ error: 'stopped' });
    options.signal?.addEventListener('abort', onAbort);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: describe(error) }));
    req.end(prepared.body);
  });
}

/** A network or TLS error in a few words: its code, never the request (which holds the key). */
function describe(error: NodeJS.ErrnoException): string {
  if (error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message)) return `TLS error (${error.code ?? 'certificate'})`;
  return `network error (${error.code ?? 'failed'})`;
}
