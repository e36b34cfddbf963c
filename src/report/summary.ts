import type { Finding, Severity, Validity } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import type { SkippedFile } from '../sources/read-file.js';
import type { FailOn } from './reporter.js';

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** An organization scan's repositories by what became of them. */
export function countByStatus(repositories: ReadonlyArray<{ status: string }>): Record<string, number> {
  const counts: Record<string, number> = { scanned: 0, unchanged: 0, failed: 0 };
  for (const repo of repositories) counts[repo.status] = (counts[repo.status] ?? 0) + 1;
  return counts;
}

export function countSkipped(skipped: SkippedFile[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return counts;
}

/** Whether a finding reaches the failing severity (and so makes the exit code 1). */
export function failsOn(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank(finding.severity) >= severityRank(failOn);
}

/**
 * Whether a finding fails the run: `--fail-on-validity` decides alone when given (only findings in those states);
 * otherwise the severity threshold (an active key is an error).
 */
export function failsRun(finding: Finding, failOn: FailOn, failOnValidity: ReadonlySet<Validity> | undefined): boolean {
  if (failOnValidity) return finding.validity !== undefined && failOnValidity.has(finding.validity);
  return failsOn(finding, failOn);
}

/** A finding's file as the human reports name it: in an organization scan, its repository first. */
export function fileLabel(location: { repository?: string; path: string }): string {
  return location.repository ? `${location.repository}: ${location.path}` : location.path;
}

/** "also in 2 more repositories" for a key shared across an organization's repositories, else nothing. */
export function sharedLabel(finding: { locations?: ReadonlyArray<unknown> }): string {
  const more = (finding.locations?.length ?? 1) - 1;
  return more > 0 ? `also in ${plural(more, 'more repository', 'more repositories')}` : '';
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** Ref names, at most five, and how many more. */
export function listRefs(refs: string[]): string {
  return `${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''}`;
}
