import { symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SkippedFile } from '../../src/sources/read-file.js';
import { walkFiles } from '../../src/sources/walk-files.js';
import { tempTree } from '../helpers/temp-dir.js';

async function walk(dir: string, isIgnored: (path: string) => boolean = () => false): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for await (const file of walkFiles(['.'], { cwd: dir, isIgnored, onSkip: (s) => skipped.push(s) })) files.push(file.projectPath);
  return { files, skipped };
}

describe('walkFiles', () => {
  it('reads nested .gitignore files as git does: never inside a folder that is already ignored', async () => {
    const dir = tempTree({
      '.gitignore': 'cache/\n',
      'cache/.gitignore': '!*\n', // git never reads it: nothing under an ignored folder can be re-included
      'cache/deep/key.ts': 'k',
      'packages/web/.gitignore': '*.log\n',
      'packages/web/a.log': 'x',
      'packages/web/a.ts': 'x',
      'a.log': 'x',
    });
    expect((await walk(dir)).files.sort()).toEqual(['.gitignore', 'a.log', 'packages/web/.gitignore', 'packages/web/a.ts']);
  });

  it('enters node_modules unless ignored, without applying the .gitignore files of dependencies, and never .git', async () => {
    const dir = tempTree({
      'node_modules/pkg/.gitignore': '*.js\n',
      'node_modules/pkg/index.js': 'x',
      '.git/config': 'x',
      'src/a.ts': 'x',
    });
    expect((await walk(dir)).files.sort()).toEqual(['node_modules/pkg/.gitignore', 'node_modules/pkg/index.js', 'src/a.ts']);
  });

  it('lists files in name order, folder by folder, and leaves what the config ignores', async () => {
    const dir = tempTree({ 'b/x.ts': 'x', 'a/z.ts': 'x', 'a/y/w.ts': 'x', 'c.ts': 'x', 'legacy/old.ts': 'x' });
    expect((await walk(dir, (path) => path.includes('/legacy/'))).files).toEqual(['c.ts', 'a/z.ts', 'a/y/w.ts', 'b/x.ts']);
  });

  it('reports a symlink as skipped and does not follow it, so a loop cannot trap the walk', async () => {
    const dir = tempTree({ 'src/a.ts': 'x' });
    symlinkSync(join(dir, 'src'), join(dir, 'src/loop'));
    const { files, skipped } = await walk(dir);
    expect(files).toEqual(['src/a.ts']);
    expect(skipped).toEqual([{ path: 'src/loop', reason: 'symlink' }]);
  });

  it('shows each path relative to the working folder, and gives its absolute path, wherever the root stands', async () => {
    const dir = tempTree({ 'app/src/a.ts': 'x', 'app/b.ts': 'x', 'apps/c.ts': 'x', 'd.ts': 'x' });
    // Roots: the working folder, one below it, a sibling whose name starts like it, and the folder that holds it.
    for (const [cwd, root] of [['app', '.'], ['app', 'src'], ['app', '../apps'], ['app', '..'], ['app/src', '../..'], ['.', 'app']] as const) {
      const base = join(dir, cwd);
      const walked = [];
      for await (const file of walkFiles([root], { cwd: base, isIgnored: () => false, onSkip: () => undefined })) walked.push(file);
      expect(walked.length, `${cwd} ${root}`).toBeGreaterThan(0);
      for (const file of walked) {
        expect(file.absolutePath).toBe(join(base, root, file.projectPath));
        expect(file.path, `${cwd} ${root}`).toBe(relative(base, file.absolutePath));
      }
    }
  });
});
