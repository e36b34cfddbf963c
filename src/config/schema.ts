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
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
