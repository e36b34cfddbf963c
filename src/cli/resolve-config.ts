import { dirname, resolve } from 'node:path';
import { defaultConfig } from '../config/defaults.js';
import { findConfigFile } from '../config/find-config.js';
import type { LoadedConfig } from '../config/load-config.js';
import { builtinRuleIds } from '../scan/create-detector.js';

/**
 * The config for a run: `--config FILE`, else the first one found upward from the scan root, else the defaults.
 * The parser and validator load only when there is a file to read.
 *
 * Globs in a found config are relative to its folder; in a config named with --config (which may live anywhere,
 * .github/ say), relative to the folder keyward runs in.
 */
export async function resolveConfig(explicitFile: string | undefined, startDir: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const file = explicitFile ? resolve(cwd, explicitFile) : findConfigFile(startDir);
  if (!file) return { config: defaultConfig(), baseDir: resolve(startDir) };
  const { loadConfig } = await import('../config/load-config.js');
  const loaded = loadConfig(file, dirname(file), await builtinRuleIds());
  return explicitFile ? { ...loaded, baseDir: resolve(cwd) } : loaded;
}
