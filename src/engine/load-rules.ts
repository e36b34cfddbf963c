import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';
import type { RulePack } from './rule-schema.js';

export interface LoadedPack extends RulePack {
  /** The file it came from, relative to the package root. */
  file: string;
}

/** Where the build writes the validated packs, so that the CLI starts without a YAML parser or a validator. */
export const COMPILED_RULES = 'dist/rules.json';

/**
 * The built-in rule packs. The built CLI reads the validated copy the build wrote; tests (running from src/)
 * read rules/*.yml themselves, so a rule edit never meets a stale copy.
 */
export async function loadBuiltinPacks(): Promise<LoadedPack[]> {
  const compiled = join(packageRoot(), COMPILED_RULES);
  const runningFromDist = fileURLToPath(import.meta.url).includes(`${'/'}dist${'/'}`);
  if (runningFromDist && existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as LoadedPack[];
  const { loadPacksFromYaml } = await import('./load-rule-yaml.js');
  return loadPacksFromYaml();
}
