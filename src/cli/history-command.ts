import { createDetector } from '../scan/create-detector.js';
import { scanHistory } from '../scan/scan-history.js';
import { openRepository } from '../sources/repository.js';
import { checkReportOptions, reportRun, ruleSelection, type ReportOptions } from './report-run.js';
import { resolveConfig } from './resolve-config.js';
import { countOption } from './count-option.js';
import { sizeOption } from './size-option.js';
import { UsageError } from './usage-error.js';

export interface HistoryCommandOptions extends ReportOptions {
  config?: string;
  showSecrets?: boolean;
  branch?: string;
  range?: string;
  since?: string;
  maxCount?: string;
  jobs?: string;
  maxFileSize?: string;
}

/** `keyward history [repo]`: every commit's added lines; returns the exit code. */
export async function runHistoryCommand(path: string | undefined, options: HistoryCommandOptions): Promise<number> {
  checkReportOptions(options);
  if (options.branch && options.range) throw new UsageError('--branch and --range cannot be combined');
  const maxCount = countOption('--max-count', options.maxCount, 'commits');
  const jobs = countOption('--jobs', options.jobs, 'processes');
  const repo = await openRepository(path ?? '.');
  const { config, baseDir } = await resolveConfig(options.config, repo.dir);
  const selection = await ruleSelection(options, config.customRules.map((rule) => rule.id));
  const detector = await createDetector(config, { showSecrets: options.showSecrets, ...selection });
  const result = await scanHistory(repo, detector, {
    ...(options.branch ? { branch: options.branch } : {}),
    ...(options.range ? { range: options.range } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(maxCount !== undefined ? { maxCount } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    maxFileSize: options.maxFileSize ? sizeOption(options.maxFileSize) : config.maxFileSize,
    ignore: config.ignore,
    ignoreBase: baseDir,
  });
  return reportRun(result, detector, config, options, { configDir: baseDir, repoDir: repo.dir });
}
