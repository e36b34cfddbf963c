import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Detector } from '../engine/detector.js';
import { createDetector } from '../scan/create-detector.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanResult } from '../scan/scan-result.js';
import { checkScanRoots } from './check-paths.js';
import { resolveConfig } from './resolve-config.js';

/** A scan a command runs before it acts on the findings (revoke, fix, init), with what it was run with. */
export interface CommandScan {
  result: ScanResult;
  detector: Detector;
  config: Config;
  /** The config file's folder (relative paths in the config are relative to it). */
  baseDir: string;
}

/** The working tree under `roots` (checked first), with the config found from the first of them. */
export async function scanWorkingTree(roots: string[], configFile: string | undefined, cwd = process.cwd()): Promise<CommandScan> {
  checkScanRoots(roots, cwd);
  const { config, baseDir } = await resolveConfig(configFile, resolve(cwd, roots[0]!));
  const detector = await createDetector(config);
  const { scanFiles } = await import('../scan/scan-files.js');
  const maxFileSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const result = await scanFiles(roots, detector, { cwd, ignore: config.ignore, ignoreBase: baseDir, maxFileSize });
  return { result, detector, config, baseDir };
}

/** Every commit of the repository holding `path`, on all refs. */
export async function scanWholeHistory(path: string, configFile: string | undefined): Promise<CommandScan> {
  const { openRepository } = await import('../sources/repository.js');
  const { scanHistory } = await import('../scan/scan-history.js');
  const repo = await openRepository(path);
  const { config, baseDir } = await resolveConfig(configFile, repo.dir);
  const detector = await createDetector(config);
  const result = await scanHistory(repo, detector, { ignore: config.ignore, ignoreBase: baseDir, maxFileSize: config.maxFileSize });
  return { result, detector, config, baseDir };
}
