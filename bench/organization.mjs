// The organization figure: N generated repositories (some with long histories) scanned by `keyward repos` on one
// machine, then as four shards run one after another (each with its own cache, balanced by the durations the first
// run recorded in its state), so the sum and the slowest shard show what sharding costs and how even the parts are.
// Run alone: node bench/organization.mjs (after npm run build). Repositories: KEYWARD_BENCH_REPOS (default 200).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fillerText, keys } from './corpus.mjs';
import { git } from './git-corpus.mjs';
import { reusedCorpus } from './reused-corpus.mjs';
import { timed } from './timed.mjs';

/** Bumped whenever this file changes what it writes, so a cached organization is rebuilt. */
const GENERATOR = 1;

/** Commits of the i-th repository: every 25th has a long history, the others 10 to 49 commits. */
const commitsOf = (i) => (i % 25 === 0 ? 1500 : 10 + ((i * 7) % 40));

/** N repositories through `git fast-import`, a key planted every 30 commits; reused when already built. */
export function buildOrganization(dir, repositories) {
  return reusedCorpus(dir, join(dir, 'organization.json'), { repositories, generator: GENERATOR }, () => writeOrganization(dir, repositories));
}

function writeOrganization(dir, repositories) {
  let commits = 0;
  let planted = 0;
  const list = [];
  for (let r = 0; r < repositories; r++) {
    const repo = join(dir, `repo-${String(r).padStart(4, '0')}`);
    mkdirSync(repo);
    git(repo, ['init', '-q', '--bare']);
    const chunks = [];
    const data = (text) => `data ${Buffer.byteLength(text)}\n${text}`;
    for (let c = 0; c < commitsOf(r); c++) {
      const lines = [`commit refs/heads/main`, `committer Bench <bench@example.com> ${1_600_000_000 + c} +0000`, data(`commit ${c}`)];
      for (let f = 0; f < 2; f++) {
        let body = fillerText(1500);
        if (f === 0 && c % 30 === 3) {
          body += `export const key = "${keys.spLive()}";\n`;
          planted++;
        }
        lines.push(`M 100644 inline src/file-${(c * 3 + f) % 40}.ts`, data(body));
      }
      chunks.push(lines.join('\n'));
      commits++;
    }
    git(repo, ['fast-import', '--quiet'], `${chunks.join('\n')}\n`);
    list.push(`file://${repo}`);
  }
  writeFileSync(join(dir, 'repos.txt'), `${list.join('\n')}\n`);
  return { repositories, commits, planted };
}

/** Times one machine and four shards. */
export function benchOrganization({ cli, work, repositories = Number(process.env.KEYWARD_BENCH_REPOS ?? 200) }) {
  const dir = join(work, 'organization');
  const meta = buildOrganization(dir, repositories);
  const runs = join(work, 'organization-runs');
  rmSync(runs, { recursive: true, force: true });
  mkdirSync(runs, { recursive: true });
  const repos = (name, extra) => {
    const run = timed(process.execPath, [cli, 'repos', '--from', join(dir, 'repos.txt'), '--cache', join(runs, `cache-${name}`), '-f', 'json', '-o', join(runs, `${name}.json`), '--fail-on', 'never', ...extra], { cwd: runs });
    if (run.result.status !== 0) throw new Error(`keyward repos (${name}) failed: ${run.result.stderr}`);
    const report = JSON.parse(readFileSync(join(runs, `${name}.json`), 'utf8'));
    return { ...run, findings: report.summary.findings, commits: report.summary.commitsScanned, repositories: report.repositories.length };
  };
  console.log(`\norganization: ${meta.repositories} generated repositories, ${meta.commits} commits, ${meta.planted} planted keys, in bench/work/organization …`);
  const single = repos('single', ['--state', join(runs, 'state.json')]);
  // The next night with nothing pushed: every mirror fetched, every repository compared with the state, none read.
  copyFileSync(join(runs, 'state.json'), join(runs, 'state-night.json'));
  const nextNight = timed(process.execPath, [cli, 'repos', '--from', join(dir, 'repos.txt'), '--cache', join(runs, 'cache-single'), '--state', join(runs, 'state-night.json'), '-f', 'json', '--fail-on', 'never'], { cwd: runs });
  const unchanged = JSON.parse(nextNight.result.stdout).summary.repositories.unchanged;
  const shards = [1, 2, 3, 4].map((k) => {
    // Each shard weighs the list by the durations the single run recorded, and scans its part in full.
    copyFileSync(join(runs, 'state.json'), join(runs, `state-${k}.json`));
    return repos(`shard-${k}`, ['--shard', `${k}/4`, '--state', join(runs, `state-${k}.json`), '--full']);
  });
  const unweighted = [1, 2, 3, 4].map((k) => repos(`plain-${k}`, ['--shard', `${k}/4`]));
  const merged = spawnSync(process.execPath, [cli, 'merge', ...[1, 2, 3, 4].map((k) => join(runs, `shard-${k}.json`)), '-f', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1024 ** 3 });
  const mergedFindings = JSON.parse(merged.stdout).summary.findings;
  const sum = (list) => list.reduce((total, run) => total + run.seconds, 0);
  const slowest = (list) => Math.max(...list.map((run) => run.seconds));
  const fmt = (n, digits = 1) => n.toFixed(digits);
  console.log('| organization | wall s | repositories | commits | findings | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| one machine (mirrors cloned, every commit) | ${fmt(single.seconds, 2)} | ${single.repositories} | ${single.commits} | ${single.findings} | ${fmt(single.rssMb, 0)} |`);
  console.log(`| the next night, nothing pushed (mirrors fetched, ${unchanged} unchanged) | ${fmt(nextNight.seconds, 2)} | ${single.repositories} | 0 | 0 | ${fmt(nextNight.rssMb, 0)} |`);
  shards.forEach((run, i) => console.log(`| shard ${i + 1}/4, weighed by the state's durations | ${fmt(run.seconds, 2)} | ${run.repositories} | ${run.commits} | ${run.findings} | ${fmt(run.rssMb, 0)} |`));
  console.log(`| 4 shards: sum / slowest (ideal slowest: one machine / 4 = ${fmt(single.seconds / 4, 2)}) | ${fmt(sum(shards), 2)} / ${fmt(slowest(shards), 2)} | | | ${mergedFindings} merged | |`);
  console.log(`| 4 shards with no state (every repository weighs 1): slowest | ${fmt(slowest(unweighted), 2)} (${unweighted.map((run) => run.commits).join(' / ')} commits) | | | | |`);
  return { single, nextNight, shards, unweighted, mergedFindings, meta };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  benchOrganization({ cli: join(root, 'dist/bundle/keyward.js'), work: join(root, 'bench/work') });
}
