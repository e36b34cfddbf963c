import { resolve } from 'node:path';
import { packageVersion } from '../package-root.js';
import { FORMATS, loadReporter, type Format } from '../report/index.js';
import type { FailOn } from '../report/reporter.js';
import { failsOn } from '../report/summary.js';
import { parseSize } from '../config/size.js';
import { resolveConfig } from './resolve-config.js';
import { createDetector } from '../scan/create-detector.js';
import { DEFAULT_MAX_FILE_SIZE, scanFiles, scanStdin } from '../scan/scan-files.js';
import type { ScanResult } from '../scan/scan-result.js';
import { emit, wantsColor } from './output.js';
import { EXIT, UsageError } from './usage-error.js';

export interface ScanCommandOptions {
  format: string;
  output?: string;
  failOn?: string;
  config?: string;
  showSecrets?: boolean;
  maxFileSize?: string;
  color?: boolean;
}

const FAIL_ON = ['error', 'warning', 'info', 'never'];

/** `keyward scan [paths…]`: returns the exit code. */
export async function runScanCommand(paths: string[], options: ScanCommandOptions): Promise<number> {
  const format = options.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (options.failOn && !FAIL_ON.includes(options.failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
  const roots = paths.length ? paths : ['.'];
  const cwd = process.cwd();
  const firstDir = roots[0] === '-' ? cwd : resolve(cwd, roots[0]!);
  const { config, baseDir } = await resolveConfig(options.config, firstDir);
  let maxFileSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (options.maxFileSize) {
    try {
      maxFileSize = parseSize(options.maxFileSize);
    } catch {
      throw new UsageError(`--max-file-size takes a size such as 25MB, not "${options.maxFileSize}"`);
    }
  }
  const failOn = (options.failOn ?? config.failOn ?? 'warning') as FailOn;
  const detector = await createDetector(config, { showSecrets: options.showSecrets });

  let result: ScanResult;
  if (roots.includes('-')) {
    if (roots.length > 1) throw new UsageError('"-" (standard input) cannot be mixed with paths');
    result = await scanStdin(detector, process.stdin);
  } else {
    result = await scanFiles(roots, detector, { cwd, ignore: config.ignore, ignoreBase: baseDir, maxFileSize });
  }

  const reporter = await loadReporter(format);
  const report = reporter(result, {
    rules: detector.rules,
    failOn,
    color: wantsColor(options.color, Boolean(options.output)) && format === 'text',
    version: packageVersion(),
  });
  emit(report, options.output);
  if (options.output) {
    process.stderr.write(`keyward: ${result.findings.length} finding(s) written to ${options.output}\n`);
  }
  return result.findings.some((f) => failsOn(f, failOn)) ? EXIT.findings : EXIT.clean;
}
