import { z } from 'zod';
import { revokeSchema, verifySchema } from '../verify/verify-schema.js';

/** One vendor that issues keys of a rule's shape, and what in a file says the key is theirs. */
const issuerSchema = z
  .object({
    vendor: z.string(),
    /** Lower-case words whose presence in the file (an import, a hostname, an env var name) points to this vendor. */
    evidence: z.array(z.string().min(3)).min(1),
    title: z.string(),
    envVar: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
    remediation: z.string(),
    /** How to ask this vendor whether the key works, when the evidence names it alone. */
    verify: verifySchema.optional(),
  })
  .strict();

const exampleSchema = z.union([z.string(), z.object({ path: z.string(), text: z.string() }).strict()]);

/**
 * The rule format, shared by the built-in packs in rules/ and by custom rules in a user's config.
 * A rule is data: nothing in it runs as code.
 */
export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'rule ids are lower-case words joined by dashes'),
    title: z.string().min(1),
    description: z.string().default(''),
    severity: z.enum(['error', 'warning', 'info']),
    vendor: z.string().optional(),
    keyType: z
      .object({ kind: z.enum(['secret', 'public']), mode: z.enum(['live', 'test']).optional() })
      .optional(),
    /** The environment variable the vendor suggests for this key: what a fix reads instead of the literal. */
    envVar: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
    /** Lower-case strings one of which must be in the text before the regex runs. */
    keywords: z.array(z.string().min(2)).min(1),
    /** One pattern, or several alternatives; each has a named group `secret`. */
    regex: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** Regex flags beyond the ones the engine sets (only `i`, `m` and `s`). */
    flags: z.string().regex(/^[ims]*$/, 'flags may be i, m and s').default(''),
    /** Minimum Shannon entropy (bits per character) of the secret. */
    entropy: z.number().min(0).max(8).optional(),
    /** The secret must hold at least one digit: rejects words and identifiers. */
    requireDigit: z.boolean().default(false),
    /** Patterns that, when they match the secret, mark it as a placeholder rather than a key. */
    placeholders: z.array(z.string()).default([]),
    /**
     * Whether a match is reported. Public-key rules say false: they claim their text so that no vaguer rule
     * (a generic `apiKey: "…"`) reports a public key, and report nothing themselves.
     */
    report: z.boolean().default(true),
    /**
     * Whether the match is a value to judge as a key (placeholders, samples, entropy) and to redact. Rules about
     * how a key is handled — an env var name, a URL — say false: what they match is not secret.
     */
    valueChecks: z.boolean().default(true),
    /** A check the format carries (a checksum): a match that fails it is a look-alike, not a key. */
    validate: z.enum(['github-checksum', 'cloudflare-checksum', 'basic-credentials', 'jwt']).optional(),
    /**
     * Rules whose findings this one takes over when both match in the same text: an AWS secret key reports the
     * access key id next to it as one pair, not two findings.
     */
    absorbs: z.array(z.string()).default([]),
    /**
     * The match is a `keyward-ignore` directive, not a key: reported only in a whole file (not a diff's lines), and
     * only where the directive suppresses nothing, on its own line or the next.
     */
    unusedIgnore: z.boolean().default(false),
    /**
     * Vendors that issue keys of this very shape (sk_live_… is Smartpay's and Stripe's): the evidence in the file picks
     * one, whose title, env var and advice the finding takes. With no evidence, or evidence for several, the finding
     * names them all and takes `anyIssuer`'s title and advice, which fit every one.
     */
    issuers: z.array(issuerSchema).min(2).optional(),
    anyIssuer: z.object({ title: z.string(), envVar: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(), remediation: z.string() }).strict().optional(),
    /**
     * The regex runs on the path of a binary file (content no text rule can read), not on text: a key store is
     * reported by its name and type. Its `secret` is the file name; the finding's identity is the file's content.
     */
    fileName: z.boolean().default(false),
    /** The key spans lines (a PEM private key): the rule looks past the end of the keyword's line. */
    multiline: z.boolean().default(false),
    /** When two rules claim overlapping text, the higher priority keeps it (the most specific rule). */
    priority: z.number().int().default(0),
    /**
     * Text that, anywhere in a file, says its values are ciphertext (`kind: SealedSecret`): the rule is quiet there,
     * since encrypted values look as random as keys.
     */
    quietInFilesWith: z.array(z.string().min(3)).default([]),
    /** Globs (relative to the scan root) the rule is limited to, and globs it never applies to. */
    paths: z.array(z.string()).optional(),
    excludePaths: z.array(z.string()).optional(),
    remediation: z.string().default('Remove the key from the code, load it from an environment variable or a secret manager, and rotate it.'),
    /** How to ask the vendor whether a found key works (`--verify`): see src/verify/verify-schema.ts. */
    verify: verifySchema.optional(),
    /** How to revoke a found key at the vendor (`keyward revoke`). */
    revoke: revokeSchema.optional(),
    /** Lines the rule must find (exactly one finding, of this rule) and lines it must not; a path where it matters. */
    examples: z
      .object({ leaks: z.array(exampleSchema).default([]), quiet: z.array(exampleSchema).default([]) })
      .default({ leaks: [], quiet: [] }),
  })
  .strict();

export type RuleDefinition = z.infer<typeof ruleSchema>;

/** A file in rules/: one vendor or family, its rules, and the samples its documentation prints. */
export const rulePackSchema = z
  .object({
    vendor: z.string().optional(),
    source: z.string().optional(),
    /** Keys printed in the vendor's documentation: they appear in many READMEs and are not leaks. */
    samples: z.array(z.string()).default([]),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type RulePack = z.infer<typeof rulePackSchema>;
