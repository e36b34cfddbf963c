import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { secretOf } from '../engine/detector.js';
import { redact } from '../engine/redact.js';
import type { Finding } from '../engine/types.js';
import type { ScanResult } from './scan-result.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
  preview: string;
  commit?: string;
}

/** The baseline file: fingerprints of accepted findings, never a secret in clear. */
export interface Baseline {
  tool: 'keyward';
  version: 1;
  createdAt: string;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** The baseline a run applies: the one named on the command line, else the config's `baseline:`, else none. */
export function baselineFileFor(explicit: string | undefined, configured: string | undefined, configDir: string): string | undefined {
  if (explicit) return explicit;
  return configured ? resolve(configDir, configured) : undefined;
}

export function baselineOf(findings: Finding[]): Baseline {
  const entries = findings.map((f) => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    path: f.location.path,
    line: f.location.line,
    // Always redacted, even under --show-secrets: the file is meant to be committed.
    preview: redact(secretOf(f) ?? f.preview),
    ...(f.location.commit ? { commit: f.location.commit } : {}),
  }));
  return { tool: 'keyward', version: 1, createdAt: new Date().toISOString(), entries };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not valid JSON';
    throw new BaselineError(`${file}: cannot read the baseline (${reason})`);
  }
  const baseline = data as Partial<Baseline>;
  if (baseline?.tool !== 'keyward' || baseline.version !== 1 || !Array.isArray(baseline.entries)) {
    throw new BaselineError(`${file}: not a keyward baseline (expected "tool": "keyward", "version": 1 and "entries")`);
  }
  baseline.entries.forEach((entry, index) => {
    if (typeof entry?.fingerprint !== 'string') throw new BaselineError(`${file}: entries[${index}] has no fingerprint`);
  });
  return baseline as Baseline;
}

/**
 * Leaves out findings the baseline accepts, and lists the baseline entries that matched nothing (stale). A scan of
 * part of the code (staged lines, a diff, a range of history) says which lines it read: an entry elsewhere was not
 * looked for, so it is not stale.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline): ScanResult {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const seen = new Set(result.findings.map((f) => f.fingerprint));
  const findings = result.findings.filter((f) => !known.has(f.fingerprint));
  const lookedAt = (entry: BaselineEntry) => !result.linesRead || linesInclude(result.linesRead.get(entry.path), entry.line);
  return {
    ...result,
    findings,
    baselined: result.findings.length - findings.length,
    staleBaseline: baseline.entries
      .filter((e) => !seen.has(e.fingerprint) && lookedAt(e))
      .map(({ fingerprint, ruleId, path, preview }) => ({ fingerprint, ruleId, path, preview })),
  };
}

function linesInclude(ranges: Array<[number, number]> | undefined, line: number): boolean {
  return Boolean(ranges?.some(([first, last]) => line >= first && line <= last));
}
