import { resolve } from 'node:path';
import { createDetector } from '../scan/create-detector.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanResult } from '../scan/scan-result.js';
import { checkReportOptions, reportRun, ruleSelection, type ReportOptions } from './report-run.js';
import { checkScanRoots } from './check-paths.js';
import { resolveConfig } from './resolve-config.js';
import { sizeOption } from './size-option.js';
import { UsageError } from './usage-error.js';

export interface ScanCommandOptions extends ReportOptions {
  config?: string;
  showSecrets?: boolean;
  maxFileSize?: string;
  staged?: boolean;
  diff?: string;
}

/** `keyward scan [paths…]`, `--staged`, `--diff A..B`: returns the exit code. */
export async function runScanCommand(paths: string[], options: ScanCommandOptions): Promise<number> {
  checkReportOptions(options);
  const gitMode = options.staged || options.diff !== undefined;
  if (options.staged && options.diff !== undefined) throw new UsageError('--staged and --diff cannot be combined');
  if (gitMode && paths.length > 1) throw new UsageError('--staged and --diff take at most one path: the repository');
  const roots = paths.length ? paths : ['.'];
  const cwd = process.cwd();
  if (!gitMode) checkScanRoots(roots, cwd);
  const firstDir = roots[0] === '-' ? cwd : resolve(cwd, roots[0]!);
  const lines = { staged: options.staged, ...(options.diff !== undefined ? { range: options.diff } : {}) };
  // git computes the diff while the config and the rules load.
  const diffScan = gitMode ? await import('../scan/scan-diff.js') : undefined;
  const startedDiff = diffScan && new diffScan.StartedDiff(firstDir, lines);
  const { config, baseDir } = await resolveConfig(options.config, firstDir);
  const maxFileSize = options.maxFileSize ? sizeOption(options.maxFileSize) : (config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const selection = await ruleSelection(options, config.customRules.map((rule) => rule.id));
  const detector = await createDetector(config, { showSecrets: options.showSecrets, ...selection });

  let result: ScanResult;
  if (diffScan && startedDiff) {
    result = await diffScan.scanDiff(firstDir, detector, { ...lines, ignore: config.ignore, ignoreBase: baseDir }, startedDiff);
  } else if (roots.includes('-')) {
    if (roots.length > 1) throw new UsageError('"-" (standard input) cannot be mixed with paths');
    const { scanStdin } = await import('../scan/scan-files.js');
    result = await scanStdin(detector, process.stdin, maxFileSize);
  } else {
    const { scanFiles } = await import('../scan/scan-files.js');
    const workers = { config, detectorOptions: { showSecrets: options.showSecrets, ...selection } };
    result = await scanFiles(roots, detector, { cwd, ignore: config.ignore, ignoreBase: baseDir, maxFileSize, workers });
  }
  const code = await reportRun(result, detector, config, options, { configDir: baseDir, repoDir: firstDir });
  if (options.staged && code !== 0) process.stderr.write(BLOCKED_COMMIT);
  return code;
}

/** What the pre-commit hook says after the findings: the two ways out. */
const BLOCKED_COMMIT = `
keyward: commit blocked — the staged changes add the key(s) above.
  Move the key out of the code: npx keyward fix --staged (the env read in the code, the value in .env, ignored),
    or by hand: read it from the environment (process.env.NAME, os.environ["NAME"]).
    If it was ever pushed, rotate it: deleting it does not un-leak it.
  A false positive? Mark the line with a keyward-ignore comment (or keyward-ignore-next-line above it),
    optionally naming the rule: // keyward-ignore: generic-api-key
`;
