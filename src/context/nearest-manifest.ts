import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package.json that governs a folder: its folder, and its fields (undefined when it cannot be parsed). */
export interface Manifest {
  dir: string;
  data: Record<string, unknown> | undefined;
}

/**
 * The nearest package.json at or above a folder, not past the top of a repository (a folder holding .git), each
 * folder looked up and each manifest read once. Shared by what judges a file by its package: the side it runs on,
 * and whether it belongs to a Next.js app.
 */
export function manifestLookup(): (folder: string) => Manifest | undefined {
  const byFolder = new Map<string, Manifest | undefined>();
  const lookup = (folder: string): Manifest | undefined => {
    if (byFolder.has(folder)) return byFolder.get(folder);
    const file = join(folder, 'package.json');
    let manifest: Manifest | undefined;
    if (existsSync(file)) manifest = { dir: folder, data: parsed(file) };
    else if (!existsSync(join(folder, '.git')) && dirname(folder) !== folder) manifest = lookup(dirname(folder));
    byFolder.set(folder, manifest);
    return manifest;
  };
  return lookup;
}

function parsed(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // an unreadable manifest is no evidence either way
  }
}
