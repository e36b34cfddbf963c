import type { IncomingHttpHeaders } from 'node:http';
import { awsSigV4Headers } from '../../src/verify/aws-sigv4.js';

/** Where a vendor reads the key from a request; undefined when the request does not carry one there. */
type KeyReader = (request: { headers: IncomingHttpHeaders; url: URL }) => string | undefined;

export interface StandInAnswer {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * How one vendor's identity endpoint behaves, written from the vendor's API documentation and independent of the
 * rules' `verify:` blocks: the path it serves, the method, where it reads the key, and what it answers for a key it
 * accepts and for one it does not (a revoked key and a made-up key alike). A rule that sends the key to the wrong
 * place, the wrong path or with the wrong method gets the vendor's "no key" answer.
 */
export interface StandIn {
  paths: RegExp;
  method: 'GET' | 'POST';
  key: KeyReader;
  active: StandInAnswer;
  inactive: StandInAnswer;
}

const header = (name: string, prefix = ''): KeyReader => ({ headers }) => {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
};
const bearer = header('authorization', 'Bearer ');
const basic = (part: 'user' | 'password'): KeyReader => ({ headers }) => {
  const value = headers.authorization;
  if (typeof value !== 'string' || !value.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(value.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return part === 'user' ? decoded.slice(0, colon) : decoded.slice(colon + 1);
};
const query = (name: string): KeyReader => ({ url }) => url.searchParams.get(name) ?? undefined;

const json = (status: number, body: unknown): StandInAnswer => ({ status, body: JSON.stringify(body) });
const ok = json(200, { id: 'acct_1', name: 'stand-in' });
const unauthorized = json(401, { error: 'unauthorized' });

/** AWS reads the key ID from the Credential of a SigV4 Authorization and checks the signature with its secret. */
export const awsSecrets = new Map<string, string>();
const awsKey: KeyReader = ({ headers, url }) => {
  const auth = headers.authorization;
  const match = typeof auth === 'string' ? /Credential=([A-Z0-9]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth) : null;
  const date = headers['x-amz-date'];
  if (!match || typeof date !== 'string') return undefined;
  const [, keyId, , region, service] = match;
  const secret = awsSecrets.get(keyId!);
  if (!secret) return `${keyId}:unknown`;
  const signedUrl = new URL(`https://${headers.host}${url.pathname}${url.search}`);
  const now = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const expected = awsSigV4Headers({ method: 'GET', url: signedUrl, keyId: keyId!, secretKey: secret, region: region!, service: service!, now });
  return expected.authorization === auth ? secret : `${keyId}:bad-signature`;
};

export const STAND_INS: Record<string, StandIn> = {
  accelebit: {
    paths: /^\/v1\/payments$/, method: 'GET', key: header('x-api-key'),
    active: json(200, { data: [] }), inactive: json(401, { error: { status: 401, name: 'UNAUTHORIZED', message: 'Invalid API key' } }),
  },
  smartretry: {
    // Only POST /v1/payments/sale/{id} is documented; authentication comes first on every route.
    paths: /^\/v1\/payments\/sale\/[^/]+$/, method: 'GET', key: header('x-api-key'),
    active: json(404, { title: 'Not Found', status: 404 }),
    inactive: json(401, { type: 'https://smartretry.com/errors/unauthorized', title: 'Unauthorized', status: 401, detail: 'Invalid or missing API key.', reason_code: 'INVALID_API_KEY' }),
  },
  smartlead: {
    paths: /^\/api\/v1\/campaigns\/$/, method: 'GET', key: query('api_key'),
    active: json(200, []), inactive: json(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid or missing API key' } }),
  },
  smartpay: { paths: /^\/v1\/orders$/, method: 'GET', key: basic('user'), active: json(200, { data: [] }), inactive: json(401, { statusCode: 401, errorCode: 'unauthorized' }) },
  'example-api': {
    paths: /^\/v1\/api-keys$/, method: 'GET', key: bearer,
    // A working key without permission to list keys: the docs' 403.
    active: json(403, { success: false, error: "API key doesn't have permission for this resource" }), inactive: json(401, { success: false }),
  },
  github: {
    paths: /^\/(user|installation\/repositories)$/, method: 'GET', key: bearer,
    active: json(200, { login: 'octocat' }), inactive: json(401, { message: 'Bad credentials', status: '401' }),
  },
  gitlab: { paths: /^\/api\/v4\/personal_access_tokens\/self$/, method: 'GET', key: header('private-token'), active: json(200, { id: 1, active: true }), inactive: json(401, { message: '401 Unauthorized' }) },
  npm: { paths: /^\/-\/whoami$/, method: 'GET', key: bearer, active: json(200, { username: 'someone' }), inactive: json(401, { error: 'Unauthorized' }) },
  slack: {
    paths: /^\/api\/auth\.test$/, method: 'POST', key: bearer,
    active: json(200, { ok: true, user: 'bot' }), inactive: json(200, { ok: false, error: 'invalid_auth' }),
  },
  discord: { paths: /^\/api\/v10\/users\/@me$/, method: 'GET', key: header('authorization', 'Bot '), active: ok, inactive: json(401, { message: '401: Unauthorized', code: 0 }) },
  notion: { paths: /^\/v1\/users\/me$/, method: 'GET', key: bearer, active: json(200, { object: 'user' }), inactive: json(401, { object: 'error', status: 401, code: 'unauthorized' }) },
  figma: { paths: /^\/v1\/me$/, method: 'GET', key: header('x-figma-token'), active: ok, inactive: json(403, { status: 403, err: 'Invalid token' }) },
  postman: { paths: /^\/me$/, method: 'GET', key: header('x-api-key'), active: json(200, { user: {} }), inactive: json(401, { error: { name: 'AuthenticationError' } }) },
  typeform: { paths: /^\/me$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { code: 'AUTHENTICATION_FAILED' }) },
  airtable: { paths: /^\/v0\/meta\/whoami$/, method: 'GET', key: bearer, active: json(200, { id: 'usr1' }), inactive: json(401, { error: { type: 'AUTHENTICATION_REQUIRED' } }) },
  openai: { paths: /^\/v1\/models$/, method: 'GET', key: bearer, active: json(200, { object: 'list', data: [] }), inactive: json(401, { error: { code: 'invalid_api_key' } }) },
  anthropic: {
    paths: /^\/v1\/models$/, method: 'GET', key: header('x-api-key'),
    active: json(200, { data: [] }), inactive: json(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }),
  },
  huggingface: { paths: /^\/api\/whoami-v2$/, method: 'GET', key: bearer, active: json(200, { name: 'someone' }), inactive: json(401, { error: 'Invalid credentials in Authorization header' }) },
  groq: { paths: /^\/openai\/v1\/models$/, method: 'GET', key: bearer, active: json(200, { data: [] }), inactive: json(401, { error: { code: 'invalid_api_key' } }) },
  mistral: { paths: /^\/v1\/models$/, method: 'GET', key: bearer, active: json(200, { data: [] }), inactive: json(401, { message: 'Unauthorized' }) },
  deepseek: { paths: /^\/models$/, method: 'GET', key: bearer, active: json(200, { data: [] }), inactive: json(401, { error: { type: 'authentication_error' } }) },
  xai: { paths: /^\/v1\/api-key$/, method: 'GET', key: bearer, active: json(200, { api_key_blocked: false }), inactive: json(400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided' }) },
  cohere: { paths: /^\/v1\/models$/, method: 'GET', key: bearer, active: json(200, { models: [] }), inactive: json(401, { message: 'invalid api token' }) },
  replicate: { paths: /^\/v1\/account$/, method: 'GET', key: bearer, active: json(200, { username: 'someone' }), inactive: json(401, { detail: 'Invalid token.' }) },
  elevenlabs: { paths: /^\/v1\/user$/, method: 'GET', key: header('xi-api-key'), active: ok, inactive: json(401, { detail: { status: 'invalid_api_key' } }) },
  pinecone: { paths: /^\/indexes$/, method: 'GET', key: header('api-key'), active: json(200, { indexes: [] }), inactive: json(401, { error: { code: 'UNAUTHENTICATED' } }) },
  sendgrid: {
    paths: /^\/v3\/scopes$/, method: 'GET', key: bearer,
    active: json(200, { scopes: ['mail.send'] }), inactive: json(401, { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked' }] }),
  },
  postmark: { paths: /^\/server$/, method: 'GET', key: header('x-postmark-server-token'), active: ok, inactive: json(401, { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' }) },
  mailgun: { paths: /^\/v3\/domains$/, method: 'GET', key: basic('password'), active: json(200, { items: [] }), inactive: { status: 401, body: 'Forbidden', contentType: 'text/plain' } },
  brevo: { paths: /^\/v3\/account$/, method: 'GET', key: header('api-key'), active: ok, inactive: json(401, { code: 'unauthorized', message: 'Key not found' }) },
  sparkpost: { paths: /^\/api\/v1\/account$/, method: 'GET', key: header('authorization'), active: json(200, { results: {} }), inactive: json(401, { errors: [{ message: 'Unauthorized.' }] }) },
  aws: {
    paths: /^\/$/, method: 'GET', key: awsKey,
    active: { status: 200, contentType: 'text/xml', body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>' },
    inactive: { status: 403, contentType: 'text/xml', body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>' },
  },
  digitalocean: { paths: /^\/v2\/account$/, method: 'GET', key: bearer, active: json(200, { account: {} }), inactive: json(401, { id: 'Unauthorized', message: 'Unable to authenticate you' }) },
  cloudflare: {
    paths: /^\/client\/v4\/user\/tokens\/verify$/, method: 'GET', key: bearer,
    active: json(200, { success: true, result: { status: 'active' } }), inactive: json(401, { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }] }),
  },
  heroku: { paths: /^\/account$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { id: 'unauthorized', message: 'Invalid credentials provided.' }) },
  doppler: { paths: /^\/v3\/me$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { messages: ['Invalid Auth token'], success: false }) },
  'terraform-cloud': { paths: /^\/api\/v2\/account\/details$/, method: 'GET', key: bearer, active: json(200, { data: {} }), inactive: json(401, { errors: [{ status: '401', title: 'unauthorized' }] }) },
  vercel: {
    paths: /^\/v2\/user$/, method: 'GET', key: bearer,
    active: json(200, { user: {} }), inactive: json(403, { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } }),
  },
  netlify: { paths: /^\/api\/v1\/user$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { code: 401, message: 'Access Denied' }) },
  supabase: { paths: /^\/v1\/projects$/, method: 'GET', key: bearer, active: json(200, []), inactive: json(401, { message: 'Unauthorized' }) },
  pulumi: { paths: /^\/api\/user$/, method: 'GET', key: header('authorization', 'token '), active: ok, inactive: json(401, { code: 401, message: 'Unauthorized: No credentials provided or are invalid.' }) },
  tailscale: { paths: /^\/api\/v2\/tailnet\/-\/devices$/, method: 'GET', key: bearer, active: json(200, { devices: [] }), inactive: json(401, { message: 'API token invalid' }) },
  datadog: { paths: /^\/api\/v1\/validate$/, method: 'GET', key: header('dd-api-key'), active: json(200, { valid: true }), inactive: json(403, { errors: ['Forbidden'] }) },
  sentry: { paths: /^\/api\/0\/organizations\/$/, method: 'GET', key: bearer, active: json(200, []), inactive: json(401, { detail: 'Invalid token' }) },
  pagerduty: { paths: /^\/abilities$/, method: 'GET', key: header('authorization', 'Token token='), active: json(200, { abilities: [] }), inactive: json(401, { error: { message: 'Unauthorized', code: 2006 } }) },
  launchdarkly: { paths: /^\/api\/v2\/caller-identity$/, method: 'GET', key: header('authorization'), active: ok, inactive: json(401, { code: 'unauthorized', message: 'Invalid access token' }) },
  contentful: { paths: /^\/users\/me$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { sys: { type: 'Error', id: 'AccessTokenInvalid' } }) },
  honeycomb: { paths: /^\/1\/auth$/, method: 'GET', key: header('x-honeycomb-team'), active: ok, inactive: json(401, { error: 'unknown API key - check your credentials' }) },
  frameio: { paths: /^\/v2\/me$/, method: 'GET', key: bearer, active: ok, inactive: json(401, { errors: [{ code: 401, title: 'Not Authorized' }] }) },
  stripe: {
    paths: /^\/v1\/balance$/, method: 'GET', key: bearer,
    active: json(200, { object: 'balance' }), inactive: json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } }),
  },
  square: { paths: /^\/v2\/locations$/, method: 'GET', key: bearer, active: json(200, { locations: [] }), inactive: json(401, { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED' }] }) },
  mollie: { paths: /^\/v2\/methods$/, method: 'GET', key: bearer, active: json(200, { count: 0 }), inactive: json(401, { status: 401, title: 'Unauthorized Request' }) },
  gocardless: { paths: /^\/creditors$/, method: 'GET', key: bearer, active: json(200, { creditors: [] }), inactive: json(401, { error: { type: 'invalid_api_usage', code: 401 } }) },
  shippo: { paths: /^\/carrier_accounts$/, method: 'GET', key: header('authorization', 'ShippoToken '), active: json(200, { results: [] }), inactive: json(401, { detail: 'Invalid token.' }) },
  duffel: { paths: /^\/air\/airlines$/, method: 'GET', key: bearer, active: json(200, { data: [] }), inactive: json(401, { errors: [{ type: 'authentication_error' }] }) },
};
