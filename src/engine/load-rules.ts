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

/** Where the build writes the keyword automaton of the default rule set. */
export const COMPILED_AUTOMATON = 'dist/keyword-automaton.bin';

function runningFromDist(): boolean {
  return fileURLToPath(import.meta.url).includes(`${'/'}dist${'/'}`);
}

/** The precompiled keyword automaton, when running the built CLI (tests from src/ always build their own). */
export function loadCompiledAutomaton(): Buffer | undefined {
  const file = join(packageRoot(), COMPILED_AUTOMATON);
  if (!runningFromDist() || !existsSync(file)) return undefined;
  return readFileSync(file);
}

/**
 * The built-in rule packs. The built CLI reads the validated copy the build wrote; tests (running from src/)
 * read rules/*.yml themselves, so a rule edit never meets a stale copy.
 */
export async function loadBuiltinPacks(): Promise<LoadedPack[]> {
  const compiled = join(packageRoot(), COMPILED_RULES);
  if (runningFromDist() && existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as LoadedPack[];
  const { loadPacksFromYaml } = await import('./load-rule-yaml.js');
  return loadPacksFromYaml();
}
