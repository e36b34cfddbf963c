import { readFileSync } from 'node:fs';
import { combineResults } from '../org/combine-results.js';
import { isStateFile, mergeStates, parseState, writeState, type OrgState } from '../org/org-state.js';
import { createDetector } from '../scan/create-detector.js';
import type { ScanResult } from '../scan/scan-result.js';
import { checkOutputPath } from './check-paths.js';
import { checkReportOptions, reportRun, ruleSelection, type ReportOptions } from './report-run.js';
import { resolveConfig } from './resolve-config.js';
import { exitAfterFailures } from './failed-repositories.js';
import { UsageError } from './usage-error.js';

export interface MergeCommandOptions extends ReportOptions {
  state?: string;
  allowPartial?: boolean;
  config?: string;
}

/**
 * `keyward merge FILES…`: shards' JSON reports as one report in any format, and their state files as one state
 * (`--state OUT`). The inputs are told apart by their content. Returns the exit code, decided as `repos` decides it.
 */
export async function runMergeCommand(files: string[], options: MergeCommandOptions): Promise<number> {
  checkReportOptions(options);
  if (files.length === 0) throw new UsageError('merge needs the shards\' JSON reports (and, with --state, their state files)');
  const reports: ScanResult[] = [];
  const states: OrgState[] = [];
  for (const file of files) {
    const json = readJson(file);
    if (isStateFile(json)) states.push(parseState(json, file));
    else reports.push(reportResult(json, file));
  }
  if (states.length && !options.state) throw new UsageError('state files were given: name the merged state to write with --state FILE');
  if (options.state && states.length === 0) throw new UsageError('--state: none of the files is a keyward state file');
  if (reports.length === 0) throw new UsageError('none of the files is a keyward JSON report (shards must run with --format json)');
  checkOutputPath(options.state, process.cwd(), '--state');

  const result = combineResults(reports);
  const { config, baseDir } = await resolveConfig(options.config, process.cwd());
  const detector = await createDetector(config, await ruleSelection(options, config.customRules.map((rule) => rule.id)));
  const code = await reportRun(result, detector, config, options, { configDir: baseDir });
  if (options.state) writeState(options.state, mergeStates(states));
  return exitAfterFailures(result, code, options.allowPartial);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON (shards must run with --format json)`);
  }
}

/** A JSON report read back into the result it was written from (timings and counts from its summary). */
function reportResult(json: unknown, file: string): ScanResult {
  const report = json as Partial<{
    tool: { name?: string };
    findings: ScanResult['findings'];
    skipped: ScanResult['skipped'];
    notes: string[];
    repositories: ScanResult['repositories'];
    summary: { filesScanned?: number; bytesScanned?: number; commitsScanned?: number; durationMs?: number };
  }>;
  if (report?.tool?.name !== 'keyward' || !Array.isArray(report.findings) || !report.summary) {
    throw new UsageError(`${file}: not a keyward JSON report or state file`);
  }
  const { summary } = report;
  return {
    findings: report.findings,
    skipped: report.skipped ?? [],
    notes: report.notes ?? [],
    filesScanned: summary.filesScanned ?? 0,
    bytesScanned: summary.bytesScanned ?? 0,
    durationMs: summary.durationMs ?? 0,
    commitsScanned: summary.commitsScanned ?? 0,
    ...(report.repositories ? { repositories: report.repositories } : {}),
  };
}
