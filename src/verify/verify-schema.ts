import { z } from 'zod';

/**
 * What a response must show for a verdict: every condition given must hold. `json` compares fields by dotted path
 * (`error.name`) with a value, or with any of a list of values; `words` must all appear in the body.
 */
const responseMatcherSchema = z
  .object({
    status: z.array(z.number().int().min(100).max(599)).min(1).optional(),
    words: z.array(z.string().min(1)).min(1).optional(),
    json: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)])).optional(),
  })
  .strict()
  .refine((m) => m.status || m.words || m.json, 'a matcher needs status, words or json');

const matchersSchema = z.union([responseMatcherSchema, z.array(responseMatcherSchema).min(1)]);

/** Header names and values; `{{secret}}` (and, for a pair, `{{pair}}`) stand for the key. */
const headersSchema = z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and dashes'), z.string());

/**
 * One HTTP request, as data. The key goes where `{{secret}}` stands: a header, the Basic user name (`basicUser`), a
 * query parameter (`query`), or the body of a documented read-only POST. Only GET and HEAD, unless the rule says
 * why its POST changes nothing (`readOnly`).
 */
const requestSchema = z
  .object({
    method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
    url: z.string().regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?\//, 'a verify URL is https, with a host name and a path'),
    headers: headersSchema.default({}),
    /** HTTP Basic: the user name and password, templated (`{{secret}}` as user with an empty password, for Smartpay). */
    basic: z.object({ user: z.string(), password: z.string().default('') }).strict().optional(),
    /** Query parameters added to the URL, templated and URL-encoded. */
    query: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    /** For a POST: why the call reads and changes nothing (Slack's auth.test). */
    readOnly: z.string().min(10).optional(),
    /** Signs the request with AWS Signature V4, the secret key with its key ID (`{{pair}}`), for this service. */
    awsSigV4: z.object({ service: z.string(), region: z.string() }).strict().optional(),
  })
  .strict()
  .refine((r) => r.method !== 'POST' || r.readOnly, 'a POST must say why it reads and changes nothing (readOnly)');

/**
 * How a rule asks the vendor whether a key works: the request, then what an active and an inactive key answer.
 * Anything else — 408, 429, 5xx, a redirect, a timeout, a network or TLS error, an answer neither matcher knows — is
 * `unknown`, never `inactive`.
 */
export const verifySchema = z
  .object({
    /** Names the vendor's API: its rate limit, its cache entries, its line in the README. */
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    request: requestSchema,
    active: matchersSchema,
    inactive: matchersSchema,
    /** Why the answers mean what they mean, where it is not plain 200/401 (a 403 that is active, a made-up id). */
    why: z.string().optional(),
    /**
     * Lower-case words one of which the file must hold for the key to be sent, where the rule's shape is not the
     * vendor's alone (an `x-api-key` header, an `api_key=` parameter): any other vendor's key would go to this one.
     */
    evidence: z.array(z.string().min(3)).min(1).optional(),
    /** A pattern the key itself must match to be sent, where the rule's shape covers keys this request cannot test. */
    appliesTo: z.string().optional(),
    /** The rule id of the key's other half (the AWS access key ID): its value fills `{{pair}}`. */
    pairWith: z.string().optional(),
  })
  .strict();

/**
 * How a rule revokes a key at the vendor: a request (which may POST or DELETE: revoking is its point) and what the
 * answer says when it was accepted. `batch` > 1 sends up to that many keys at once in `{{secrets_json}}`.
 */
export const revokeSchema = z
  .object({
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    request: z
      .object({
        method: z.enum(['POST', 'DELETE']),
        url: z.string().regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?\//, 'a revoke URL is https, with a host name and a path'),
        headers: headersSchema.default({}),
        body: z.string().optional(),
      })
      .strict(),
    accepted: matchersSchema,
    batch: z.number().int().min(1).max(1000).default(1),
    /** What the answer does not tell (GitHub's 202 says nothing per key): keyward verifies again afterwards. */
    why: z.string().optional(),
  })
  .strict();

export type ResponseMatcher = z.infer<typeof responseMatcherSchema>;
export type VerifySpec = z.infer<typeof verifySchema>;
export type RevokeSpec = z.infer<typeof revokeSchema>;
