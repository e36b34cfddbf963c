import { keyFactsOf, registerKeyFacts } from '../engine/detector.js';
import type { Finding, Location } from '../engine/types.js';
import type { SkippedFile } from '../sources/read-file.js';
import { compareDates, compareInReport, compareText, sortFindings, type RepositoryStatus, type ScanResult } from '../scan/scan-result.js';

/**
 * Repositories' results (or shards' merged results) as one organization report. The same key anywhere is one
 * finding: its locations are the union of every part's, and the finding shown is the one of its earliest location
 * (by date, then repository, path, line), so combining is order-free and associative: shards merged give what one
 * machine scanning the whole list gives.
 */
export function combineResults(parts: ScanResult[]): ScanResult {
  const byFingerprint = new Map<string, { shown: Finding; locations: Map<string, Location>; isNew: boolean | undefined }>();
  for (const part of parts) {
    for (const finding of part.findings) {
      const seen = byFingerprint.get(finding.fingerprint);
      const locations = finding.locations ?? [finding.location];
      if (!seen) {
        byFingerprint.set(finding.fingerprint, { shown: finding, locations: new Map(locations.map((l) => [locationKey(l), l])), isNew: finding.new });
        continue;
      }
      for (const location of locations) seen.locations.set(locationKey(location), location);
      if (compareLocations(finding.location, seen.shown.location) < 0) seen.shown = finding;
      if (finding.new !== undefined) seen.isNew = Boolean(seen.isNew) || finding.new;
    }
  }
  const findings = [...byFingerprint.values()].map(({ shown, locations, isNew }) => {
    const { locations: _, new: __, ...rest } = shown;
    const all = [...locations.values()].sort(compareLocations);
    const combined = { ...rest, ...(all.length > 1 ? { locations: all } : {}), ...(isNew !== undefined ? { new: isNew } : {}) } as Finding;
    // The key stays with the finding (verification, the webhook, --html-show-secrets need it); a merged report has none.
    const facts = keyFactsOf(shown);
    if (facts) registerKeyFacts(combined, facts);
    return combined;
  });
  const repositories = new Map<string, RepositoryStatus>();
  for (const part of parts) for (const status of part.repositories ?? []) repositories.set(status.repository, status);
  return {
    findings: sortFindings(findings),
    skipped: parts.flatMap((part) => part.skipped).sort(compareSkipped),
    filesScanned: sum(parts, (part) => part.filesScanned),
    bytesScanned: sum(parts, (part) => part.bytesScanned),
    durationMs: Math.max(0, ...parts.map((part) => part.durationMs)),
    commitsScanned: sum(parts, (part) => part.commitsScanned ?? 0),
    notes: [...new Set(parts.flatMap((part) => part.notes ?? []))].sort(),
    repositories: [...repositories.values()].sort((a, b) => compareText(a.repository, b.repository)),
    // Only the new commits of some repositories may have been read: no baseline entry is called stale for that.
    linesRead: new Map(),
  };
}

/** The order that picks a shared key's first location: the earliest introduction, then names, so that ties are settled alike everywhere. */
function compareLocations(a: Location, b: Location): number {
  return compareDates(a, b) || compareInReport(a, b) || compareText(a.commit ?? '', b.commit ?? '');
}

function compareSkipped(a: SkippedFile, b: SkippedFile): number {
  return compareText(a.repository ?? '', b.repository ?? '') || compareText(a.path, b.path) || compareText(a.detail ?? '', b.detail ?? '');
}

function locationKey(location: Location): string {
  return [location.repository, location.path, location.line, location.column, location.commit].join('\0');
}

function sum(parts: ScanResult[], value: (part: ScanResult) => number): number {
  return parts.reduce((total, part) => total + value(part), 0);
}
