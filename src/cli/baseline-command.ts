import { resolve } from 'node:path';
import { baselineFileFor, baselineOf, writeBaseline } from '../scan/baseline.js';
import { createDetector } from '../scan/create-detector.js';
import { scanFiles } from '../scan/scan-files.js';
import { DEFAULT_MAX_FILE_SIZE } from '../scan/scan-result.js';
import { scanHistory } from '../scan/scan-history.js';
import { openRepository } from '../sources/repository.js';
import { checkOutputPath, checkScanRoots } from './check-paths.js';
import { resolveConfig } from './resolve-config.js';
import { EXIT } from './usage-error.js';

export interface BaselineCommandOptions {
  /** Default: the config's `baseline:`, else .keyward-baseline.json. */
  output?: string;
  config?: string;
  history?: boolean;
}

const DEFAULT_BASELINE = '.keyward-baseline.json';

/** `keyward baseline [paths…]`: records today's findings so later scans report only new ones. */
export async function runBaselineCommand(paths: string[], options: BaselineCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const roots = paths.length ? paths : ['.'];
  let findings;
  let output: string;
  if (options.history) {
    const repo = await openRepository(roots[0]!);
    const { config, baseDir } = await resolveConfig(options.config, repo.dir);
    output = baselineFileFor(options.output, config.baseline, baseDir) ?? DEFAULT_BASELINE;
    checkOutputPath(output, cwd);
    const result = await scanHistory(repo, await createDetector(config), { ignore: config.ignore, ignoreBase: baseDir, maxFileSize: config.maxFileSize });
    findings = result.findings;
  } else {
    checkScanRoots(roots, cwd);
    const { config, baseDir } = await resolveConfig(options.config, resolve(cwd, roots[0]!));
    output = baselineFileFor(options.output, config.baseline, baseDir) ?? DEFAULT_BASELINE;
    checkOutputPath(output, cwd);
    const maxFileSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const result = await scanFiles(roots, await createDetector(config), { cwd, ignore: config.ignore, ignoreBase: baseDir, maxFileSize });
    findings = result.findings;
  }
  writeBaseline(output, baselineOf(findings));
  process.stderr.write(`keyward: baseline of ${findings.length} finding(s) written to ${output}\n`);
  return EXIT.clean;
}
