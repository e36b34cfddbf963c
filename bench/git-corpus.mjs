// Generates git repositories for the benchmark: a long history through `git fast-import` (thousands of commits in
// seconds), and a small repository with a typical staged commit for the pre-commit case.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillerText, keys } from './corpus.mjs';
import { reusedCorpus } from './reused-corpus.mjs';

/** Bumped whenever this file changes what it writes, so a cached repository is rebuilt. */
const GENERATOR = 2;

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd, args, input) {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, input, maxBuffer: 1024 ** 3 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A repository of `commits` commits over `files` files, each commit changing a few of them, with a merge every
 * 50 commits and a key planted every 100 (half of them deleted again later). Reused when already built.
 */
export function buildHistoryRepo(dir, { commits = 5000, files = 400 } = {}) {
  return reusedCorpus(dir, join(dir, '.git', 'bench.json'), { commits, files, generator: GENERATOR }, () => writeHistoryRepo(dir, commits, files));
}

function writeHistoryRepo(dir, commits, files) {
  git(dir, ['init', '-q', '-b', 'main']);
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}`;
  let mark = 0;
  let time = 1_600_000_000;
  let planted = 0;
  let mainTip;
  for (let i = 0; i < commits; i++) {
    const onBranch = i % 50 >= 45; // the last five of every fifty go to a side branch, merged at the next fifty
    const ref = onBranch ? 'refs/heads/side' : 'refs/heads/main';
    const lines = [`commit ${ref}`, `mark :${++mark}`, `committer Bench <bench@example.com> ${time++} +0000`, data(`commit ${i}`)];
    const thisMark = mark;
    if (i % 50 === 45) lines.push(`from :${mainTip}`);
    if (i % 50 === 0 && i > 0) lines.push(`merge refs/heads/side`);
    for (let f = 0; f < 3; f++) {
      const path = `src/module-${(i * 7 + f * 13) % files}.ts`;
      let body = fillerText(1200 + ((i + f) % 5) * 400);
      if (f === 0 && i % 100 === 7) {
        body += `export const key = "${keys.spLive()}";\n`;
        planted++;
      }
      lines.push(`M 100644 inline ${path}`, data(body));
    }
    chunks.push(lines.join('\n'));
    if (!onBranch) mainTip = thisMark;
  }
  git(dir, ['fast-import', '--quiet'], `${chunks.join('\n')}\n`);
  git(dir, ['checkout', '-q', '-f', 'main']);
  return { commits, planted };
}

/** A repository with one base commit and `files` files of ~200 lines staged on top, one holding a key. */
export function buildStagedRepo(dir, files = 10) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `file-${i}.ts`), fillerText(4000));
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  for (let i = 0; i < files; i++) {
    writeFileSync(join(dir, `file-${i}.ts`), fillerText(8000) + (i === 3 ? `const k = "${keys.spLive()}";\n` : ''));
  }
  git(dir, ['add', '-A']);
}
