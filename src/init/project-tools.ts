import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../sources/git.js';

/** A hook manager that owns .git/hooks: keyward's hook goes into its configuration instead, by the user's hand. */
export interface HookManager {
  name: string;
  /** What to add, and where. */
  instruction: string;
}

/** husky, lefthook or the pre-commit framework, when the project uses one. */
export function hookManagerOf(root: string): HookManager | undefined {
  const pkg = readJson(join(root, 'package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
  if (existsSync(join(root, '.husky')) || 'husky' in deps) {
    return { name: 'husky', instruction: 'add this line to .husky/pre-commit:\n  npx keyward scan --staged' };
  }
  if (['lefthook.yml', '.lefthook.yml', 'lefthook.yaml'].some((name) => existsSync(join(root, name))) || 'lefthook' in deps) {
    return { name: 'lefthook', instruction: 'add this to lefthook.yml:\n  pre-commit:\n    commands:\n      keyward:\n        run: npx keyward scan --staged' };
  }
  if (existsSync(join(root, '.pre-commit-config.yaml'))) {
    return {
      name: 'pre-commit',
      instruction:
        'add this to .pre-commit-config.yaml:\n  - repo: local\n    hooks:\n      - id: keyward\n        name: keyward\n        entry: npx keyward scan --staged\n        language: system\n        pass_filenames: false',
    };
  }
  return undefined;
}

export type CiSystem = 'github' | 'gitlab';

/** The CI the project runs on: its files first, else where its remote is hosted. */
export function ciSystemOf(root: string): CiSystem | undefined {
  if (existsSync(join(root, '.github', 'workflows'))) return 'github';
  if (existsSync(join(root, '.gitlab-ci.yml'))) return 'gitlab';
  let remote = '';
  try {
    remote = git(['config', '--get', 'remote.origin.url'], root).trim();
  } catch {
    return undefined;
  }
  if (/github\.com[:/]/.test(remote)) return 'github';
  if (/gitlab\.[\w.]+[:/]|gitlab\.com[:/]/.test(remote)) return 'gitlab';
  return undefined;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
