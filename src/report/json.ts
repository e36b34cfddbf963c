import type { Reporter } from './reporter.js';
import { countBySeverity, countByStatus } from './summary.js';

/** Machine output: findings (redacted), skipped files and totals. */
export const jsonReporter: Reporter = (result, context) =>
  `${JSON.stringify(
    {
      tool: { name: 'keyward', version: context.version },
      findings: result.findings,
      skipped: result.skipped,
      notes: result.notes ?? [],
      ...(result.verify ? { verify: result.verify } : {}),
      ...(result.revoke ? { revoke: result.revoke } : {}),
      ...(result.repositories ? { repositories: result.repositories } : {}),
      ...(result.staleBaseline ? { staleBaseline: result.staleBaseline, baselined: result.baselined ?? 0 } : {}),
      summary: {
        findings: result.findings.length,
        bySeverity: countBySeverity(result.findings),
        filesScanned: result.filesScanned,
        ...(result.commitsScanned !== undefined ? { commitsScanned: result.commitsScanned } : {}),
        bytesScanned: result.bytesScanned,
        filesSkipped: result.skipped.length,
        ...(result.repositories ? { repositories: countByStatus(result.repositories) } : {}),
        ...(result.findings.some((f) => f.new !== undefined) ? { newFindings: result.findings.filter((f) => f.new).length } : {}),
        durationMs: Math.round(result.durationMs),
      },
    },
    null,
    2,
  )}\n`;
