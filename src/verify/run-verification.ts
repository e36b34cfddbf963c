import type { CompiledRule } from '../engine/compile-rule.js';
import type { Finding } from '../engine/types.js';
import { defaultCacheDir } from '../cache-dir.js';
import { VerifyCache } from './verify-cache.js';
import { verifyFindings, type VerifySummary } from './verify-findings.js';
import { verifyOriginsFromEnv } from './verify-origins.js';
import type { VerifySettings } from './verify-settings.js';

/** Verification as every face runs it: the cache in its usual place, stand-ins from the environment only. */
export async function runVerification(
  findings: Finding[],
  rules: readonly CompiledRule[],
  settings: VerifySettings,
  userAgent: string,
  log: (line: string) => void,
  options: { refresh?: boolean } = {},
): Promise<VerifySummary> {
  const summary = await verifyFindings(findings, rules, {
    origins: verifyOriginsFromEnv(),
    timeoutMs: settings.timeoutMs,
    cache: VerifyCache.open(defaultCacheDir(), settings.cacheTtlMs, options),
    userAgent,
    allowCustomRules: settings.allowCustomRules,
  });
  const { counts } = summary;
  log(`verify: ${summary.keys} key(s), ${summary.fromCache} from the cache, ${summary.requests} request(s): ${counts.active} active, ${counts.inactive} inactive, ${counts.unknown} unknown`);
  for (const note of summary.notes) log(`verify: ${note}`);
  return summary;
}
