import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempRepo } from './git-repo.js';
import { key } from './keys.js';
import { tempTree } from './temp-dir.js';

/**
 * An organization of real repositories in one folder: seven with a generated key each (repo-1 and repo-5 share one,
 * so six distinct keys), repo-i with i extra commits, and a broken one (its objects deleted) in the middle of
 * `repos.txt`, which lists odd ones as file:// URLs and even ones as paths relative to the list.
 */
export function organization() {
  const root = tempTree();
  const shared = key.smartpayLive();
  const repos: TempRepo[] = [];
  const lines: string[] = ['# the organization', ''];
  for (let i = 0; i < 7; i++) {
    mkdirSync(join(root, `repo-${i}`));
    const repo = TempRepo.init({ dir: join(root, `repo-${i}`) });
    repo.commit('init', { 'README.md': `# repo ${i}\n` });
    if (i === 1 || i === 5) repo.commit('shared key', { 'src/billing.js': `const stripe = '${shared}';\n` });
    else repo.commit('own key', { [`src/pay-${i}.js`]: `const stripe = '${key.smartpayLive()}';\n` });
    for (let c = 0; c < i; c++) repo.commit(`work ${c}`, { [`notes/${c}.md`]: `note ${c}\n` });
    repos.push(repo);
    lines.push(i % 2 ? `file://${repo.dir}` : `repo-${i}   # a path, relative to this file`);
  }
  mkdirSync(join(root, 'broken'));
  const broken = TempRepo.init({ dir: join(root, 'broken') });
  broken.commit('one', { 'a.txt': 'a\n' });
  execFileSync('rm', ['-rf', join(broken.dir, '.git/objects')]);
  lines.splice(5, 0, `file://${broken.dir}`);
  writeFileSync(join(root, 'repos.txt'), `${lines.join('\n')}\n`);
  return { root, list: join(root, 'repos.txt'), repos, shared, broken };
}

/** `npx --yes keyward@… ARGS` as the built CLI: a stand-in npx for the folder put first on PATH. */
export function npxStandIn(cli: string): string {
  const bin = tempTree({ npx: `#!/bin/sh\n[ "$1" = --yes ] && shift\ncase "$1" in keyward|keyward@*) shift ;; esac\nexec '${process.execPath}' '${cli}' "$@"\n` });
  execFileSync('chmod', ['+x', join(bin, 'npx')]);
  return bin;
}
