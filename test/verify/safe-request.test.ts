import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRequest, type PreparedRequest } from '../../src/verify/safe-request.js';
import { randomAlnum } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startVendorServer } from '../helpers/vendor-server.js';

const secret = `ghp_${randomAlnum(36)}`;
const request = (url: string): PreparedRequest => ({ method: 'GET', url: new URL(url), headers: { authorization: `Bearer ${secret}` } });
const options = (origins: Record<string, string> = {}) => ({ origins: new Map(Object.entries(origins)), timeoutMs: 2000, userAgent: 'keyward-test' });

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

describe('a verification request goes to the rule origin and nowhere else', () => {
  it('refuses plain http to a vendor', async () => {
    expect(await sendRequest(request('http://api.github.com/user'), options())).toEqual({ error: 'refused: http: is not https' });
  });

  it.each([
    ['https://127.0.0.1/user', 'loopback'],
    ['https://169.254.169.254/latest/meta-data/', 'the metadata service'],
    ['https://[::1]/user', 'IPv6 loopback'],
    ['https://10.0.0.7/user', 'a private network'],
    ['https://localhost/user', 'a name that resolves to loopback'],
  ])('refuses %s (%s) before connecting', async (url) => {
    const outcome = await sendRequest(request(url), options());
    expect('error' in outcome && outcome.error).toMatch(/^refused: .* not a public address$/);
  });

  it('sends to a loopback stand-in only when KEYWARD_VERIFY_ORIGINS maps the origin to it', async () => {
    const server = await startVendorServer(undefined);
    const outcome = await sendRequest(request('https://api.github.com/user'), options({ 'https://api.github.com': server.origin }));
    expect(outcome).toMatchObject({ answer: { status: 404 } });
    expect(server.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/user' })]);
    // Another origin is not mapped: it would go to the real vendor, which this machine cannot reach, never to the stand-in.
    await sendRequest(request('https://api.gitlab.invalid/user'), options({ 'https://api.github.com': server.origin }));
    expect(server.requests).toHaveLength(1);
  });

  it('a stand-in over plain http must be on loopback', async () => {
    const outcome = await sendRequest(request('https://api.github.com/user'), options({ '*': 'http://10.0.0.7:8080' }));
    expect('error' in outcome && outcome.error).toMatch(/^refused/);
  });

  it('verifies TLS: a stand-in with a self-signed certificate gets no request, and the error names no key', async () => {
    const dir = tempTree();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    let received = 0;
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      received++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const outcome = await sendRequest(request('https://api.github.com/user'), options({ '*': `https://127.0.0.1:${port}` }));
    expect(outcome).toEqual({ error: expect.stringMatching(/^TLS error/) });
    expect(JSON.stringify(outcome)).not.toContain(secret);
    expect(received).toBe(0);
  });

  it('a refused connection is a network error without the key', async () => {
    const outcome = await sendRequest(request('https://api.github.com/user'), options({ '*': 'http://127.0.0.1:1' }));
    expect(outcome).toEqual({ error: 'network error (ECONNREFUSED)' });
  });
});
