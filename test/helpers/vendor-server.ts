import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { StandIn, StandInAnswer } from './vendor-stand-ins.js';

export interface VendorRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server does instead of answering as the vendor: a status with headers, or no answer at all. */
export type Misbehaviour = { status: number; headers?: Record<string, string> } | 'hang';

const servers: Server[] = [];
afterEach(async () => {
  const open = servers.splice(0);
  for (const server of open) server.closeAllConnections(); // a hanging stand-in holds its connections
  await Promise.all(open.map((s) => new Promise((resolve) => s.close(resolve))));
});

/**
 * A real HTTP server on 127.0.0.1 (or another loopback address) that plays a vendor: it answers as the stand-in
 * says for the keys it knows as active, as for a dead key otherwise, and records every request. `misbehave`
 * replaces the answer (a 429, a 503, a redirect, silence).
 */
export async function startVendorServer(
  standIn: StandIn | undefined,
  options: {
    active?: Iterable<string>;
    host?: string;
    misbehave?: Misbehaviour;
    /** Routes beyond the identity endpoint (a revocation API): an answer, or undefined to answer as the stand-in. */
    route?: (request: VendorRequest & { url: URL }, active: Set<string>) => StandInAnswer | undefined;
  } = {},
) {
  const active = new Set(options.active ?? []);
  const requests: VendorRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (options.misbehave === 'hang') return; // never answers
    const routed = options.route?.({ ...requests.at(-1)!, url }, active);
    if (routed) return void response.writeHead(routed.status, { 'content-type': 'application/json' }).end(routed.body);
    if (options.misbehave) return void response.writeHead(options.misbehave.status, options.misbehave.headers).end('');
    if (!standIn) return void response.writeHead(404).end('');
    const rightPlace = request.method === standIn.method && standIn.paths.test(url.pathname);
    const key = rightPlace ? standIn.key({ headers: request.headers, url }) : undefined;
    const answer = key !== undefined && active.has(key) ? standIn.active : standIn.inactive;
    response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...answer.headers }).end(answer.body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://${options.host ?? '127.0.0.1'}:${port}`, requests, activate: (key: string) => active.add(key) };
}
