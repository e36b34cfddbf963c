// A real tree for the bench: the project's own node_modules (after npm ci), copied into bench/work/deps so that no
// .gitignore hides it. Folders named node_modules inside it are renamed: secretlint skips every such folder, and
// both tools must read the same files.
import { cpSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reusedCorpus } from './reused-corpus.mjs';

function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      files++;
      bytes += statSync(join(entry.parentPath, entry.name)).size;
    }
  }
  return { files, bytes };
}

/** { dir, files, bytes } of the copy, made once per lock file (reused while package-lock.json is unchanged). */
export function dependencyTree(root, work) {
  const dir = join(work, 'deps');
  const lock = readFileSync(join(root, 'package-lock.json'), 'utf8').length;
  return { dir, ...reusedCorpus(dir, join(work, 'deps.json'), { lock }, () => copyDependencies(root, dir)) };
}

function copyDependencies(root, dir) {
  cpSync(join(root, 'node_modules'), dir, { recursive: true, verbatimSymlinks: true });
  // Deepest first, so that a renamed folder's own nested node_modules was renamed before it moves.
  const nested = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === 'node_modules')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of nested) renameSync(folder, `${folder}_`);
  return sizeOf(dir);
}
