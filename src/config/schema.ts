import { z } from 'zod';
import { ruleSchema } from '../engine/rule-schema.js';
import { parseSize } from './size.js';

const severityOrOff = z.enum(['off', 'error', 'warning', 'info']);

/** `25MB`, `512KB`, `1048576`: a size in bytes. */
const size = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d+(?:\.\d+)?\s*(?:B|KB|MB|GB)?$/i, 'a size such as 25MB, 512KB or a number of bytes')
    .transform(parseSize),
]);

/** http is allowed only to this machine: a key must not cross a network in clear. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

const revokeSchema = z
  .object({
    url: z
      .string()
      .url('a URL such as https://hooks.example.com/keyward')
      .refine((url) => {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
      }, 'must be https (http only to a loopback address such as 127.0.0.1)'),
    /** The NAME of the environment variable holding the signing secret, never the secret itself. */
    secretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable'),
    include: z.enum(['live', 'secret', 'all', 'active']).default('live'),
    includeSecret: z.boolean().default(false),
    timeoutMs: z.number().int().min(100).max(120_000).default(5000),
    maxAttempts: z.number().int().min(1).max(20).default(5),
    /** First retry delay; each further one doubles it, with jitter. */
    backoffMs: z.number().int().min(1).max(60_000).default(500),
    /** Requests in flight at once. */
    concurrency: z.number().int().min(1).max(32).default(4),
    /** Where deliveries are remembered between runs, relative to the config file. */
    outbox: z.string().default('.keyward/revoke-outbox.json'),
  })
  .strict();

export type RevokeConfig = z.infer<typeof revokeSchema>;

/**
 * `.keyward.yml` / `.keyward.json`. Data only: nothing in it is evaluated, so a pull request that edits it cannot
 * run code in CI. Unknown keys are errors, so that a typo does not silently disable a setting.
 */
export const configSchema = z
  .object({
    /** Per built-in or custom rule: `off`, or a new severity. */
    rules: z.record(z.string(), severityOrOff).default({}),
    /** Path globs (relative to the config file's folder) never scanned. */
    ignore: z.array(z.string()).default([]),
    allowlist: z
      .object({
        /** Exact values that are not secrets (a shared test key, say). */
        values: z.array(z.string()).default([]),
        /** Patterns of values that are not secrets, matched linear-time. */
        patterns: z.array(z.string()).default([]),
      })
      .strict()
      .default({ values: [], patterns: [] }),
    /** Rules of the very same format as rules/*.yml. */
    customRules: z.array(ruleSchema).default([]),
    /** Files larger than this are skipped and reported. */
    maxFileSize: size.optional(),
    failOn: z.enum(['error', 'warning', 'info', 'never']).optional(),
    /** Honour other scanners' inline markers (gitleaks:allow, trufflehog:ignore, pragma: allowlist secret…). */
    foreignIgnoreMarkers: z.boolean().default(true),
    /** The baseline file every face applies (scan, staged scan, history, the hook, the Action), relative to the config's folder. */
    baseline: z.string().min(1).optional(),
    /** Globs that add context labels the built-in classification misses (relative to the scan root). */
    context: z
      .object({
        client: z.array(z.string()).optional(),
        server: z.array(z.string()).optional(),
        test: z.array(z.string()).optional(),
        docs: z.array(z.string()).optional(),
        production: z.array(z.string()).optional(),
      })
      .strict()
      .default({}),
    /** The revoke webhook: where to report leaked keys when a run says --revoke. */
    revoke: revokeSchema.optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
