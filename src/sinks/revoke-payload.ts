import { createHash } from 'node:crypto';
import { z } from 'zod';
import { secretOf } from '../engine/detector.js';
import { secretHash } from '../engine/fingerprint.js';
import { redact } from '../engine/redact.js';
import type { Finding } from '../engine/types.js';
import type { RepositoryContext } from './repository-context.js';

/**
 * What the revoke webhook sends for one leaked key. The JSON Schema in schemas/revoke-payload.schema.json is
 * generated from this (npm run schemas) and a test keeps the two equal.
 */
export const revokePayloadSchema = z
  .object({
    schema: z.literal('keyward.revoke/v1'),
    id: z.string().regex(/^kwf_[0-9a-f]{32}$/).describe('This finding: key, file, line and commit'),
    rule: z.string().describe('The keyward rule that found the key'),
    vendor: z.string().nullable(),
    keyType: z.object({ kind: z.enum(['secret', 'public']), mode: z.enum(['live', 'test']).nullable() }),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the key, hex: match it against your key store'),
    preview: z.string().describe('Redacted, such as sk_live_…4f2a'),
    repository: z.string().nullable().describe('The remote URL, without any credentials in it'),
    commit: z.string().nullable(),
    path: z.string(),
    line: z.number().int().positive(),
    blobUrl: z.string().nullable().describe('A link to the line, when the remote is on GitHub and holds that commit (and, for a working-tree finding, the file is committed unchanged)'),
    detectedAt: z.string().describe('ISO 8601'),
    validity: z.enum(['active', 'inactive', 'unknown']).nullable().optional().describe('What the vendor said of the key under --verify; null when not verified'),
    secret: z.string().optional().describe('The key itself: only when the config says includeSecret'),
  })
  .strict();

export type RevokePayload = z.infer<typeof revokePayloadSchema>;

export function buildPayload(finding: Finding, repo: RepositoryContext | undefined, includeSecret: boolean, now: Date): RevokePayload {
  const secret = secretOf(finding) ?? '';
  const commit = finding.location.commit ?? repo?.head ?? null;
  const path = repo ? repo.pathInRepository(finding.location.path) : finding.location.path;
  return {
    schema: 'keyward.revoke/v1',
    id: `kwf_${createHash('sha256').update(`${finding.fingerprint}\0${path}\0${finding.location.line}\0${commit ?? ''}`).digest('hex').slice(0, 32)}`,
    rule: finding.ruleId,
    vendor: finding.vendor ?? null,
    keyType: { kind: finding.keyType?.kind ?? 'secret', mode: finding.keyType?.mode ?? null },
    fingerprint: secretHash(secret),
    // Under --show-secrets a finding's preview is the key itself; the webhook still sends a redacted one.
    preview: redact(secret),
    repository: repo?.remoteUrl ?? null,
    commit,
    path,
    line: finding.location.line,
    blobUrl: repo?.githubBlobUrl(commit, path, finding.location.line, finding.location.commit === undefined) ?? null,
    detectedAt: now.toISOString(),
    validity: finding.validity ?? null,
    ...(includeSecret ? { secret } : {}),
  };
}
