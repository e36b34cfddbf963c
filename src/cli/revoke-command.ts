import { escapeControlInLine } from '../engine/control-characters.js';
import type { Finding } from '../engine/types.js';
import { packageVersion } from '../package-root.js';
import { revocableTargets, revokeTargets, type RevokeResult } from '../verify/revoke-keys.js';
import { runVerification } from '../verify/run-verification.js';
import { verifyOriginsFromEnv } from '../verify/verify-origins.js';
import { verifySettingsFrom } from '../verify/verify-settings.js';
import { scanWholeHistory, scanWorkingTree, type CommandScan } from './command-scan.js';
import { confirmed } from './confirm.js';
import { EXIT, UsageError } from './usage-error.js';

export interface RevokeCommandOptions {
  config?: string;
  history?: boolean;
  fingerprint?: string[];
  yes?: boolean;
  verifyTimeout?: string;
}

/**
 * `keyward revoke [paths…]`: finds the keys again (reports never hold one), verifies them, lists the active keys
 * whose vendor offers revocation, asks (or takes --yes), revokes, and verifies again to say which are now dead.
 * Exit 0 when no active key is left (every one it revoked is now inactive), 1 otherwise.
 */
export async function runRevokeCommand(paths: string[], options: RevokeCommandOptions): Promise<number> {
  const log = (line: string) => process.stderr.write(`keyward: ${escapeControlInLine(line)}\n`);
  const settings = verifySettingsFrom({ verify: true, ...(options.verifyTimeout ? { verifyTimeout: options.verifyTimeout } : {}) })!;
  const origins = verifyOriginsFromEnv();
  if (!options.yes && !process.stdin.isTTY) throw new UsageError('revoke asks before it acts: pass --yes to revoke without a terminal');
  const { result, detector } = await scanForRevoke(paths, options);
  const { findings } = result;
  const rules = detector.rules;
  const chosen = options.fingerprint?.length ? findings.filter((f) => options.fingerprint!.includes(f.fingerprint)) : findings;
  if (options.fingerprint?.length && chosen.length === 0) throw new UsageError('--fingerprint: no finding of this scan has that fingerprint');

  const userAgent = `keyward/${packageVersion()}`;
  // Only what this run hears counts: a cached "active" from yesterday is not enough to revoke on.
  await runVerification(chosen, rules, settings, userAgent, log, { refresh: true });
  const targets = revocableTargets(chosen, rules);
  const activeElsewhere = chosen.filter((f) => f.validity === 'active' && !targets.some((t) => t.findings.includes(f)));
  for (const f of activeElsewhere) log(`active but not revocable here (rotate it at the vendor): ${describe(f)}`);
  if (targets.length === 0) {
    log('no active key that keyward can revoke');
    return activeElsewhere.length ? EXIT.findings : EXIT.clean;
  }
  log(`${targets.length} active key(s) can be revoked:`);
  for (const target of targets) log(`  ${target.spec.provider}: ${describe(target.findings[0]!)}${target.findings.length > 1 ? ` (and ${target.findings.length - 1} more place(s))` : ''}`);
  if (!options.yes && !(await confirmed(`Revoke ${targets.length} key(s) now? This cannot be undone. [y/N] `))) {
    log('nothing revoked');
    return EXIT.findings;
  }
  const results = await revokeTargets(targets, { origins, timeoutMs: settings.timeoutMs, userAgent });
  // Verify again: GitHub's 202 does not say which tokens it revoked.
  const revoked = results.flatMap((r) => r.target.findings);
  for (const f of revoked) delete f.validity;
  await runVerification(revoked, rules, settings, userAgent, log, { refresh: true });
  const stillActive = reportRevocations(results, log);
  return stillActive || activeElsewhere.length ? EXIT.findings : EXIT.clean;
}

function describe(f: Finding): string {
  return `${f.preview} (${f.ruleId}) at ${f.location.path}:${f.location.line}${f.location.commit ? ` @ ${f.location.commit.slice(0, 10)}` : ''}`;
}

/** One line per key, and how many are still not inactive. */
function reportRevocations(results: RevokeResult[], log: (line: string) => void): number {
  let stillActive = 0;
  for (const { target, accepted, error } of results) {
    const now = target.findings[0]!.validity ?? 'unknown';
    if (now !== 'inactive') stillActive++;
    const state = now === 'inactive' ? 'revoked: now inactive' : accepted ? `request accepted, but the key is ${now}` : `not revoked (${error ?? 'refused'}); the key is ${now}`;
    log(`${state}: ${describe(target.findings[0]!)}`);
  }
  log(`${results.length - stillActive} of ${results.length} key(s) now inactive`);
  return stillActive;
}

/** The scan behind a revocation: the working tree (paths), or with --history the repository's whole history. */
function scanForRevoke(paths: string[], options: RevokeCommandOptions): Promise<CommandScan> {
  const roots = paths.length ? paths : ['.'];
  if (!options.history) return scanWorkingTree(roots, options.config);
  if (roots.length > 1) throw new UsageError('--history takes at most one path: the repository');
  return scanWholeHistory(roots[0]!, options.config);
}
