import { awsSigV4Headers } from './aws-sigv4.js';
import type { PreparedRequest } from './safe-request.js';
import type { RevokeSpec, VerifySpec } from './verify-schema.js';

/** The values a request template may name. */
export interface TemplateValues {
  secret: string;
  pair?: string;
  /** For a revocation in a batch: the keys, as a JSON array. */
  secrets?: readonly string[];
}

/** A template that names a value the finding does not have (a pair without its other half): it cannot be sent. */
export class MissingValueError extends Error {
  override name = 'MissingValueError';
}

function fill(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(secret|pair|secrets_json)\s*\}\}/g, (_whole, name: string) => {
    if (name === 'secret') return values.secret;
    if (name === 'secrets_json') return JSON.stringify(values.secrets ?? [values.secret]);
    if (values.pair === undefined) throw new MissingValueError('the other half of the key pair was not found beside it');
    return values.pair;
  });
}

/** Headers with the key filled in; a value that would break the header line is refused, not sent. */
function filledHeaders(headers: Record<string, string>, values: TemplateValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, template] of Object.entries(headers)) {
    const value = fill(template, values);
    if (/[\r\n\0]/.test(value)) throw new MissingValueError('the key holds a line break and cannot go in a header');
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** The verification request of a rule, for one key. */
export function verifyRequest(spec: VerifySpec, values: TemplateValues): PreparedRequest {
  const { request } = spec;
  const url = new URL(request.url);
  for (const [name, template] of Object.entries(request.query)) url.searchParams.set(name, fill(template, values));
  const headers = filledHeaders(request.headers, values);
  if (request.basic) {
    const user = fill(request.basic.user, values);
    headers.authorization = `Basic ${Buffer.from(`${user}:${fill(request.basic.password, values)}`).toString('base64')}`;
  }
  if (request.awsSigV4) {
    if (values.pair === undefined) throw new MissingValueError('the access key ID was not found beside the secret key');
    Object.assign(headers, awsSigV4Headers({ method: request.method, url, keyId: values.pair, secretKey: values.secret, ...request.awsSigV4 }));
  }
  return { method: request.method, url, headers, ...(request.body !== undefined ? { body: fill(request.body, values) } : {}) };
}

/** The revocation request of a rule, for one key or a batch of them. */
export function revokeRequest(spec: RevokeSpec, values: TemplateValues): PreparedRequest {
  const { request } = spec;
  return {
    method: request.method,
    url: new URL(request.url),
    headers: filledHeaders(request.headers, values),
    ...(request.body !== undefined ? { body: fill(request.body, values) } : {}),
  };
}
