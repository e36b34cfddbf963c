import { now } from '../clock.js';
import { keyFactsOf, registerKeyFacts, type Detector, type KeyFacts } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { scanHistory } from '../scan/scan-history.js';
import type { RepositoryStatus, ScanResult } from '../scan/scan-result.js';
import { git, GitError, objectSizes } from '../sources/git.js';
import { openRepository, type Repository } from '../sources/repository.js';
import { scrub } from './credentials.js';
import { isRemote, type ListedRepository } from './listed-repository.js';
import { updateMirror } from './mirror.js';
import type { OrgState, RepositoryState } from './org-state.js';
import { combineResults } from './combine-results.js';

export interface OrgScanOptions {
  /** Where mirrors of URLs are kept between runs (local paths are read in place). */
  cacheDir: string;
  /** The rule set's version: a repository scanned with another is scanned again in full. */
  rulesVersion: string;
  /** The previous run's state; absent: every repository in full, and no finding called new. */
  state?: OrgState;
  /** Scan everything again, whatever the state says. */
  full?: boolean;
  /** Repositories at once. */
  parallel: number;
  /** A repository's clone, fetch and scan together may take this long; then it is stopped and failed. */
  timeoutMs: number;
  /** git processes per repository's history. */
  jobs?: number;
  maxFileSize?: number;
  /** Told each time a repository is done (the progress line). */
  onRepository?: (done: { status: RepositoryStatus; findings: number }) => void;
}

/** The combined report, and the state to keep for the next run (failed repositories keep their old entry). */
export interface OrgScan {
  result: ScanResult;
  state: OrgState;
}

/**
 * Scans every repository's history, a bounded number at once, so memory stays flat whatever the organization's
 * size: each repository's findings are kept, its patches never are. A repository that cannot be fetched or read,
 * or overruns its time, is reported failed with its reason and the others go on.
 */
export async function scanOrganization(list: ListedRepository[], detector: Detector, options: OrgScanOptions): Promise<OrgScan> {
  const started = now();
  const parts: ScanResult[] = new Array(list.length);
  const state: OrgState = { kind: 'keyward-state', version: 1, repositories: {} };
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      const repo = list[index]!;
      const { part, entry } = await scanOne(repo, detector, options);
      parts[index] = part;
      const kept = entry ?? options.state?.repositories[repo.repository];
      if (kept) state.repositories[repo.repository] = kept;
      options.onRepository?.({ status: part.repositories![0]!, findings: part.findings.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, list.length)) }, worker));
  const result = combineResults(parts);
  return { result: { ...result, durationMs: now() - started }, state };
}

/** One repository: fetched, compared with its state, scanned where new; never throws. */
async function scanOne(repo: ListedRepository, detector: Detector, options: OrgScanOptions): Promise<{ part: ScanResult; entry?: RepositoryState }> {
  const started = now();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`timed out after ${formatDuration(options.timeoutMs)}`)), options.timeoutMs);
  const previous = options.full ? undefined : options.state?.repositories[repo.repository];
  const status = (fields: Omit<RepositoryStatus, 'repository' | 'durationMs'>): RepositoryStatus => ({
    repository: repo.repository,
    ...fields,
    durationMs: Math.round(now() - started),
  });
  try {
    const opened = await openSource(repo, options.cacheDir, timeout.signal);
    const tips = refTips(opened.dir);
    const sameRules = previous?.rules === options.rulesVersion;
    if (sameRules && sameTips(previous!.tips, tips)) {
      return { part: emptyPart(status({ status: 'unchanged', commitsScanned: 0 })), entry: previous! };
    }
    // Tips that a force-push or a deleted branch took away are not in the mirror any more: they exclude nothing.
    const exclude = sameRules ? existing(Object.values(previous!.tips), opened.dir) : [];
    const result = await scanHistory(opened, detector, {
      ignore: [],
      ignoreBase: opened.dir,
      exclude,
      signal: timeout.signal,
      ...(options.jobs ? { jobs: options.jobs } : {}),
      ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    });
    if (timeout.signal.aborted) throw timeout.signal.reason;
    const known = new Set(options.state?.repositories[repo.repository]?.fingerprints ?? []);
    const findings = keptFindings(result.findings).map((finding) => {
      finding.location = { repository: repo.repository, ...finding.location };
      if (options.state) finding.new = !known.has(finding.fingerprint);
      return finding;
    });
    const done = status({ status: 'scanned', commitsScanned: result.commitsScanned ?? 0 });
    return {
      part: {
        ...result,
        findings,
        skipped: (JSON.parse(JSON.stringify(result.skipped)) as ScanResult['skipped']).map((skip) => ({ repository: repo.repository, ...skip })),
        notes: (result.notes ?? []).map((note) => `${repo.repository}: ${note}`),
        repositories: [done],
      },
      entry: {
        tips,
        rules: options.rulesVersion,
        durationMs: done.durationMs,
        fingerprints: [...new Set([...known, ...findings.map((f) => f.fingerprint)])].sort(),
        scannedAt: new Date().toISOString(),
      },
    };
  } catch (error) {
    const reason = timeout.signal.aborted ? (timeout.signal.reason as Error).message : error instanceof Error ? error.message : String(error);
    const secrets = [repo.credential?.password, repo.credential?.username];
    return { part: emptyPart(status({ status: 'failed', commitsScanned: 0, error: scrub(reason, secrets) })) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The findings as fresh objects of fresh strings, with their key facts: a string cut from a larger one (a snippet
 * from a file's added lines) keeps all of it alive in V8, which across hundreds of repositories made memory grow
 * with each one scanned (0.2 MB a repository). Kept findings must hold only their own text.
 */
function keptFindings(findings: Finding[]): Finding[] {
  const copies = JSON.parse(JSON.stringify(findings)) as Finding[];
  findings.forEach((finding, index) => {
    const facts = keyFactsOf(finding);
    if (facts) registerKeyFacts(copies[index]!, JSON.parse(JSON.stringify(facts)) as KeyFacts);
  });
  return copies;
}

/** A local path is read where it is; a URL through its mirror in the cache. */
async function openSource(repo: ListedRepository, cacheDir: string, signal: AbortSignal): Promise<Repository> {
  if (!isRemote(repo.source)) return openRepository(repo.source);
  return openRepository(await updateMirror(repo, cacheDir, signal));
}

/** Every ref's tip, by name: what the next run compares with. */
function refTips(dir: string): Record<string, string> {
  const tips: Record<string, string> = {};
  for (const line of git(['for-each-ref', '--format=%(objectname) %(refname)'], dir).split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) tips[line.slice(space + 1)] = line.slice(0, space);
  }
  return tips;
}

function sameTips(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/** The objects of the list that the repository has. */
function existing(ids: string[], dir: string): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  try {
    const sizes = objectSizes(unique, dir);
    return unique.filter((id) => sizes.has(id));
  } catch (error) {
    throw new GitError(`cannot check the recorded tips: ${(error as Error).message}`);
  }
}

function emptyPart(status: RepositoryStatus): ScanResult {
  return { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0, durationMs: status.durationMs, commitsScanned: 0, notes: [], repositories: [status] };
}

function formatDuration(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
