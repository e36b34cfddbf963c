// npm run bench: builds a corpus of code-like text with keys sprinkled in, scans it with keyward and with
// secretlint (recommended preset, when installed), and prints throughput side by side.
// Corpus size: KEYWARD_BENCH_MB (default 200); secretlint's sample: KEYWARD_BENCH_SECRETLINT_MB (default 20). Work files live in bench/work/ (git-ignored) and are reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { fillerText, projectFiles } from './corpus.mjs';
import { dependencyTree } from './dependency-tree.mjs';
import { benchEslint } from './eslint.mjs';
import { buildHistoryRepo, buildStagedRepo } from './git-corpus.mjs';
import { buildLongLineRepo } from './long-lines.mjs';
import { benchOrganization } from './organization.mjs';
import { realRepository } from './real-repo.mjs';
import { reusedCorpus } from './reused-corpus.mjs';
import { START_UP_ROUNDS, startUpNote, startUpTimes } from './start-up.mjs';
import { printTargets, target } from './targets.mjs';
import { interleaved, timed } from './timed.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const work = join(root, 'bench/work');
const targetMb = Number(process.env.KEYWARD_BENCH_MB ?? 500);
// secretlint scans about 0.3 MB/s: it gets a smaller sample of the same generator, and keyward is timed on it too.
const sampleMb = Number(process.env.KEYWARD_BENCH_SECRETLINT_MB ?? 20);
const historyCommits = Number(process.env.KEYWARD_BENCH_COMMITS ?? 10000);
const cli = join(root, 'dist/cli/keyward.js');
/** Bumped whenever corpus.mjs changes what it writes, so a cached corpus is rebuilt. */
const CORPUS_VERSION = 2;

function buildTreeCorpus(dir, megabytes) {
  return reusedCorpus(dir, join(dir, '.corpus.json'), { megabytes, generator: CORPUS_VERSION }, () => writeTreeCorpus(dir, megabytes));
}

function writeTreeCorpus(dir, megabytes) {
  let bytes = 0;
  let files = 0;
  let leaks = 0;
  for (let project = 0; bytes < megabytes * 1024 * 1024; project++) {
    const base = `project-${project}`;
    for (const file of projectFiles(base, project % 2 === 0)) {
      write(join(dir, file.path), file.content);
      leaks += file.leaks.length;
    }
    // Most of a real tree is ordinary code with no key in it.
    for (let i = 0; i < 40; i++) write(join(dir, base, `src/module-${i}.ts`), fillerText(16 * 1024));
  }
  function write(path, content) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    bytes += Buffer.byteLength(content);
    files++;
  }
  return { bytes, files, leaks };
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 1) => n.toFixed(digits);
/** A ratio of times as "N% slower", or "N% faster" when run-to-run noise puts it below 1. */
const slowdown = (ratio) => (ratio >= 1 ? `${fmt((ratio - 1) * 100, 0)}% slower` : `${fmt((1 - ratio) * 100, 0)}% faster`);

function runKeyward(dir) {
  const run = timed(process.execPath, [cli, 'scan', dir, '--format', 'json', '--fail-on', 'never'], { cwd: work });
  if (run.result.status !== 0) throw new Error(`keyward failed: ${run.result.stderr}`);
  return { seconds: run.seconds, rssMb: run.rssMb, findings: JSON.parse(run.result.stdout).summary.findings };
}

/** ripgrep with keyward's own single-line patterns (PCRE2 for the lookbehinds and named groups), when installed. */
function runRipgrep(dir) {
  if (spawnSync('rg', ['--version']).status !== 0) return undefined;
  const patterns = join(work, 'rg-patterns.txt');
  const rules = JSON.parse(readFileSync(join(root, 'dist/rules.json'), 'utf8')).flatMap((pack) => pack.rules);
  // ripgrep joins the patterns into one, where the same group name twice is an error: the groups lose their names.
  const unnamed = (source) => source.replace(/\(\?<secret>/g, '(');
  const flagged = rules
    .filter((rule) => rule.report && !rule.multiline)
    .flatMap((rule) => (Array.isArray(rule.regex) ? rule.regex : [rule.regex]).map((r) => (rule.flags.includes('i') ? `(?i:${unnamed(r)})` : unnamed(r))));
  writeFileSync(patterns, `${flagged.join('\n')}\n`);
  const run = timed('rg', ['-P', '--no-messages', '-c', '--hidden', '-f', patterns, dir], { cwd: work });
  const matches = run.result.stdout.split('\n').filter(Boolean).reduce((n, line) => n + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
  return { seconds: run.seconds, rssMb: run.rssMb, findings: `${matches} matching lines` };
}

/** secretlint on `dir`; given `timeoutSeconds`, a run that takes longer is stopped and marked `timedOut`. */
function runSecretlint(dir, timeoutSeconds) {
  const bin = join(root, 'node_modules/.bin/secretlint');
  if (!existsSync(bin)) return undefined;
  const config = join(work, '.secretlintrc.json');
  const output = join(work, 'secretlint.json');
  writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  rmSync(output, { force: true });
  const args = [`${dir}/**/*`, '--secretlintrc', config, '--format', 'json', '--output', output];
  // GNU time stands between the bench and secretlint: a timeout that killed only the direct child left secretlint
  // running, on a core the history figures then lacked. coreutils' timeout kills the whole process group it makes.
  const run = timeoutSeconds ? timed('timeout', ['-s', 'KILL', String(timeoutSeconds), bin, ...args], { cwd: work }) : timed(bin, args, { cwd: work });
  if (!existsSync(output)) return { ...run, seconds: run.seconds, findings: 'did not finish', timedOut: true };
  const findings = JSON.parse(readFileSync(output, 'utf8')).reduce((n, file) => n + file.messages.length, 0);
  return { seconds: run.seconds, rssMb: run.rssMb, findings };
}

const row = (tool, corpus, run) =>
  `| ${tool} | ${fmt(mb(corpus.bytes), 0)} MB, ${corpus.files} files | ${fmt(run.seconds, 2)} | ${fmt(mb(corpus.bytes) / run.seconds)} | ${fmt(corpus.files / run.seconds, 0)} | ${fmt(run.rssMb, 0)} | ${run.findings} |`;

console.log(`keyward bench: corpus of ${targetMb} MB in bench/work/tree, secretlint sample of ${sampleMb} MB in bench/work/sample`);
const corpus = buildTreeCorpus(join(work, 'tree'), targetMb);
const sample = buildTreeCorpus(join(work, 'sample'), sampleMb);
console.log(`corpus: ${corpus.files} files, ${fmt(mb(corpus.bytes))} MB, ${corpus.leaks} planted leaks\n`);

// Start-up: what every hook, editor and CI call pays before any work.
const emptyDir = join(work, 'empty');
mkdirSync(emptyDir, { recursive: true });
const stagedDir = join(work, 'staged');
buildStagedRepo(stagedDir, 10);
const node = process.execPath;
const start = startUpTimes([
  ['node -e 0', node, ['-e', '0']],
  ['keyward scan EMPTY_DIR', node, [cli, 'scan', emptyDir]],
  ['keyward --version', node, [cli, '--version']],
  ['keyward scan --staged (10 files)', node, [cli, 'scan', '--staged', '--fail-on', 'never'], { cwd: stagedDir }],
]);
const floor = start['node -e 0'];
console.log(`| start-up (median of ${START_UP_ROUNDS}, interleaved) | ms | over node -e 0 |`);
console.log('|---|---:|---:|');
for (const [name, ms] of Object.entries(start)) console.log(`| ${name} | ${fmt(ms, 1)} | ${fmt(ms - floor, 1)} |`);
if (startUpNote) console.log(startUpNote);
const over = (name) => start[name] - floor;
target('cold start: scan EMPTY_DIR over node -e 0', `${fmt(over('keyward scan EMPTY_DIR'), 1)} ms`, '≤ 45 ms', over('keyward scan EMPTY_DIR') <= 45);
target('keyward --version over node -e 0', `${fmt(over('keyward --version'), 1)} ms`, '≤ 20 ms', over('keyward --version') <= 20);
target('staged 10-file change over node -e 0', `${fmt(over('keyward scan --staged (10 files)'), 1)} ms`, '≤ 50 ms', over('keyward scan --staged (10 files)') <= 50);

// A real tree: the project's own dependencies, against secretlint and against the Node floor.
const deps = dependencyTree(root, work);
console.log(`\nreal tree: this project's node_modules copied to bench/work/deps: ${deps.files} files, ${fmt(mb(deps.bytes))} MB`);
// keyward and the floor take turns, so that both are timed at the same moments of the machine.
const { keyward: depsKeyward, floor: depsFloor } = interleaved(5, {
  keyward: () => timed(node, [cli, 'scan', 'deps', '--format', 'json', '--fail-on', 'never'], { cwd: work }),
  floor: () => timed(node, [join(root, 'bench/node-floor.mjs'), 'deps'], { cwd: work }),
});
// secretlint can take many minutes on real dependencies (minified bundles): it gets 5, and the ratio is then a floor.
const SECRETLINT_LIMIT = Number(process.env.KEYWARD_BENCH_SECRETLINT_SECONDS ?? 300);
const depsSecretlint = runSecretlint('deps', SECRETLINT_LIMIT);
console.log('| real tree (median of 5, keyward and the floor in turns) | wall s | MB/s | peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const [name, run] of [['keyward scan', depsKeyward], ['Node floor (walk, read, indexOf)', depsFloor], ...(depsSecretlint ? [['secretlint (recommend preset)', depsSecretlint]] : [])]) {
  const stopped = run.timedOut ? ` (stopped: not done after ${SECRETLINT_LIMIT} s)` : '';
  console.log(`| ${name}${stopped} | ${run.timedOut ? '>' : ''}${fmt(run.seconds, 2)} | ${run.timedOut ? '<' : ''}${fmt(mb(deps.bytes) / run.seconds)} | ${fmt(run.rssMb, 0)} |`);
}
if (depsSecretlint) {
  const ratio = depsSecretlint.seconds / depsKeyward.seconds;
  target('real node_modules tree: keyward vs secretlint', `${depsSecretlint.timedOut ? 'more than ' : ''}${fmt(ratio)}× faster`, '≥ 10×', ratio >= 10);
}
const floorRatio = depsKeyward.seconds / depsFloor.seconds;
target('real node_modules tree: keyward / Node floor', `${fmt(floorRatio, 2)}×`, '≤ 2.5×', floorRatio <= 2.5);

// Memory: flat in files as in bytes. Two generated trees of the same kind of file, one with ten times the files.
const rssOf = (files, repeatEach) => {
  const dir = join(work, `files-${files}`);
  if (!existsSync(dir)) {
    for (let i = 0; i < files; i++) {
      const sub = join(dir, `d${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `f${i % 100}.ts`), `export const x${i} = ${i};\nconst url = "https://example.com/api";\n`.repeat(repeatEach));
    }
  }
  return timed(node, [cli, 'scan', dir, '--format', 'json', '--fail-on', 'never'], { cwd: work }).rssMb;
};
const rssFew = rssOf(4300, 200);
const rssMany = rssOf(43000, 20);
console.log(`\npeak RSS: ${fmt(rssFew, 0)} MB for 4,300 files, ${fmt(rssMany, 0)} MB for 43,000 files of a tenth the size (the same bytes)`);
target('peak RSS, 43,000 files', `${fmt(rssMany, 0)} MB`, '< 300 MB', rssMany < 300);
target('memory flat in files: 43,000 files / 4,300 files', `${fmt(rssMany / rssFew, 2)}×`, '≤ 1.15×', rssMany / rssFew <= 1.15);

const full = runKeyward('tree');
// The rules of the five vendors' packs (and the context rules), against every rule: the cost of the other providers.
const VENDOR_PACKS = ['smartpay', 'accelebit', 'smartretry', 'smartlead', 'http-auth', 'generic', 'hygiene'];
const vendorRuleIds = VENDOR_PACKS.flatMap((pack) =>
  [...readFileSync(join(root, 'rules', `${pack}.yml`), 'utf8').matchAll(/^  - id: ([a-z0-9-]+)$/gm)].map((m) => m[1]),
).filter((id) => id !== 'generic-password' && id !== 'jwt-secret');
const contextRuleIds = ['client-side-secret', 'browser-exposed-secret', 'committed-env-file', 'live-key-in-test', 'test-key-in-production'];
const timeTree = (extra) => {
  const runs = [1, 2, 3].map(() => timed(process.execPath, [cli, 'scan', 'tree', '--format', 'json', '--fail-on', 'never', ...extra], { cwd: work }).seconds);
  return runs.sort((a, b) => a - b)[1];
};
const allRulesSeconds = timeTree([]);
const vendorOnlySeconds = timeTree(['--rules', [...vendorRuleIds, ...contextRuleIds].join(',')]);
const keywardSample = runKeyward('sample');
const secretlintSample = runSecretlint('sample');

const ripgrep = runRipgrep('tree');
console.log('| tool | corpus | wall s | MB/s | files/s | peak RSS MB | findings |');
console.log('|---|---|---:|---:|---:|---:|---:|');
// The first run may read the corpus from disk (the OS may have dropped it from its cache); the others read memory.
console.log(row('keyward scan, first run (cache as found)', corpus, full));
console.log(row('keyward scan, median of 3 (warm cache)', corpus, { ...full, seconds: allRulesSeconds }));
if (ripgrep) console.log(row("ripgrep -P, keyward's patterns", corpus, ripgrep));
else console.log('| ripgrep not installed | | | | | | |');
console.log(row('keyward scan', sample, keywardSample));
if (secretlintSample) console.log(row('secretlint (recommend preset)', sample, secretlintSample));
else console.log('| secretlint | not installed | | | | |');
console.log(`\nplanted leaks in the full corpus: ${corpus.leaks}; keyward findings: ${full.findings}`);
console.log(
  `all rules against the vendor rules alone (median of 3): ${fmt(mb(corpus.bytes) / allRulesSeconds)} MB/s against ${fmt(mb(corpus.bytes) / vendorOnlySeconds)} MB/s, ${slowdown(allRulesSeconds / vendorOnlySeconds)} (target ≤ 20% slower)`,
);
if (secretlintSample) {
  const ratio = secretlintSample.seconds / keywardSample.seconds;
  console.log(`throughput vs secretlint on the same sample: ${fmt(ratio)}× (target ≥ 10×)`);
}
if (ripgrep) console.log(`keyward takes ${fmt(allRulesSeconds / ripgrep.seconds, 2)}× ripgrep's time on the full corpus, both warm (target ≤ 3×)`);

// History: keyward history against git log -p --all alone, on the same repository.
console.log(`\nhistory: a generated repository of ${historyCommits} commits in bench/work/history …`);
const historyDir = join(work, 'history');
const historyMeta = buildHistoryRepo(historyDir, { commits: historyCommits });
const cores = availableParallelism();
const median = (runs) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const repeatSeconds = (n, fn) => median(Array.from({ length: n }, fn));
let historyFindings = 0;
const historyRun = (extra) => {
  const run = timed(process.execPath, [cli, 'history', '--format', 'json', '--fail-on', 'never', ...extra], { cwd: historyDir });
  if (run.result.status !== 0) throw new Error(`keyward history failed: ${run.result.stderr}`);
  historyFindings = JSON.parse(run.result.stdout).summary.findings;
  return run;
};
// git and keyward take turns, so that each ratio compares runs made at the same moments of the machine.
const historyRuns = interleaved(5, {
  gitAlone: () => timed('sh', ['-c', 'git log -p --all > /dev/null'], { cwd: historyDir }),
  gitPiped: () => timed('sh', ['-c', 'git log -p --all | cat > /dev/null'], { cwd: historyDir }),
  keyward: () => historyRun([]),
  keywardOneJob: () => historyRun(['--jobs', '1']),
});
const [gitAlone, gitPiped, keywardHistory, keywardHistoryOneJob] = ['gitAlone', 'gitPiped', 'keyward', 'keywardOneJob'].map((name) => historyRuns[name].seconds);
const historyRss = historyRuns.keyward.rssMb;
const historyRssOneJob = historyRuns.keywardOneJob.rssMb;
console.log('| history (median of 5, the four in turns) | wall s |');
console.log('|---|---:|');
console.log(`| git log -p --all > /dev/null | ${fmt(gitAlone, 2)} |`);
console.log(`| git log -p --all \\| cat (a reader that does nothing) | ${fmt(gitPiped, 2)} |`);
console.log(`| keyward history, ${cores} cores (peak RSS ${fmt(historyRss, 0)} MB) | ${fmt(keywardHistory, 2)} |`);
console.log(`| keyward history --jobs 1: one git process (peak RSS ${fmt(historyRssOneJob, 0)} MB) | ${fmt(keywardHistoryOneJob, 2)} |`);
console.log(`ratio keyward / git log -p --all: ${fmt(keywardHistory / gitAlone, 2)}× (target ≤ 1.3×); with one git process: ${fmt(keywardHistoryOneJob / gitAlone, 2)}×; against the piped reader: ${fmt(keywardHistory / gitPiped, 2)}×`);
target('history, one git process (--jobs 1) / git log -p --all', `${fmt(keywardHistoryOneJob / gitAlone, 2)}×`, '≤ 1.15×', keywardHistoryOneJob / gitAlone <= 1.15);
target('history, default jobs / git log -p --all', `${fmt(keywardHistory / gitAlone, 2)}×`, '≤ 1.3×', keywardHistory / gitAlone <= 1.3);

// Long lines: release commits of typedoc pages, one 100,000-character line each, keywords everywhere.
const longDir = join(work, 'long-lines');
const longMeta = buildLongLineRepo(longDir);
const longGit = repeatSeconds(3, () => timed('sh', ['-c', 'git log -p --all > /dev/null'], { cwd: longDir }).seconds);
let longRun;
const longKeyward = repeatSeconds(3, () => {
  longRun = timed(node, [cli, 'history', '--format', 'json', '--fail-on', 'never', '--max-file-size', '1MB'], { cwd: longDir });
  return longRun.seconds;
});
const longReport = JSON.parse(longRun.result.stdout);
const { keywordPassMBps } = await keywordPass(longDir);
console.log(`\nlong lines: ${fmt(mb(longMeta.patchBytes))} MB of patches (${longMeta.settings.releases} commits of ${longMeta.settings.pages} one-line pages): git log -p ${fmt(longGit, 2)} s, keyward history ${fmt(longKeyward, 2)} s (${fmt(mb(longMeta.patchBytes) / longKeyward)} MB/s); the keyword pass alone ${fmt(keywordPassMBps)} MB/s`);
target('long lines: the keyword pass', `${fmt(keywordPassMBps)} MB/s`, '≥ 100 MB/s', keywordPassMBps >= 100);
const bigSkipped = longReport.skipped.some((s) => s.path === 'dist/bundle.js' && s.reason === 'too-large');
target('history: a blob over --max-file-size is skipped and reported', bigSkipped ? 'dist/bundle.js: too-large' : 'not reported', 'skipped and reported', bigSkipped);
console.log(`planted keys: ${historyMeta.planted}; keyward history findings: ${historyFindings}`);

// A real public repository: its working tree, and its history when the clone has one.
const real = realRepository(work);
if (!real) {
  console.log('\nreal repository: none available offline (set KEYWARD_BENCH_REPO to a path or URL); the generated ones stand in');
} else {
  console.log(`\nreal repository: ${real.upstream}, cloned into bench/work/real (${real.commits} commit${real.commits === 1 ? '' : 's'}${real.shallow ? ', a shallow clone' : ''})`);
  let summary;
  let realRss = NaN;
  const realTree = repeatSeconds(3, () => {
    const run = timed(process.execPath, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd: real.dir });
    summary = JSON.parse(run.result.stdout).summary;
    realRss = run.rssMb;
    return run.seconds;
  });
  console.log('| real tree (median of 3) | files | MB | wall s | MB/s | files/s | peak RSS MB | findings |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| keyward scan, Node start included | ${summary.filesScanned} | ${fmt(mb(summary.bytesScanned))} | ${fmt(realTree, 2)} | ${fmt(mb(summary.bytesScanned) / realTree)} | ${fmt(summary.filesScanned / realTree, 0)} | ${fmt(realRss, 0)} | ${summary.findings} |`,
  );
  if (real.commits >= 1000) {
    const realRuns = interleaved(3, {
      git: () => timed('sh', ['-c', 'git log -p --all > /dev/null'], { cwd: real.dir }),
      keyward: () => timed(process.execPath, [cli, 'history', '--fail-on', 'never'], { cwd: real.dir }),
    });
    const [gitRealAlone, keywardReal] = [realRuns.git.seconds, realRuns.keyward.seconds];
    console.log(`real history: git log -p --all ${fmt(gitRealAlone, 2)} s, keyward history ${fmt(keywardReal, 2)} s → ${fmt(keywardReal / gitRealAlone, 2)}× (target ≤ 1.3×)`);
  } else {
    console.log('real history: too short to time (under 1,000 commits); the generated repository above stands in');
  }
}

// An organization: keyward repos on one machine, then as four shards one after another.
benchOrganization({ cli, work });

// Editor: keyward's ESLint rules on a 5,000-line TSX file (ESLint's TIMING=all).
const lintRun = benchEslint(root, work);
console.log(`\neslint on a ${lintRun.lines}-line TSX file: keyward's rules take ${fmt(lintRun.rulesMs, 1)} ms by TIMING=all (target < 50 ms)`);
for (const [rule, ms] of lintRun.ruleTimes) console.log(`  ${rule.padEnd(34)} ${fmt(ms, 1)} ms`);
console.log(`  wall time of the whole eslint run: ${fmt(lintRun.withRules, 0)} ms with keyward, ${fmt(lintRun.parserOnly, 0)} ms with the parser alone (plugin loading included); ${lintRun.findings} findings`);

printTargets();

/**
 * The detector's keyword pass alone, as a history scan runs it: the byte pass over git's output as it comes (every
 * line, removed ones too; the diff parser then keeps the hits on added lines), on the repository's whole patch text.
 */
async function keywordPass(dir) {
  const { createDetector } = await import('../dist/src/scan/create-detector.js');
  const { defaultConfig } = await import('../dist/src/config/defaults.js');
  const detector = await createDetector(defaultConfig());
  const bytes = spawnSync('git', ['log', '-p', '--all'], { cwd: dir, maxBuffer: 1024 ** 3 }).stdout;
  detector.keywordHitsAtByteOffsets(bytes); // warm
  const started = process.hrtime.bigint();
  for (let i = 0; i < 3; i++) detector.keywordHitsAtByteOffsets(bytes);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9 / 3;
  return { keywordPassMBps: mb(bytes.length) / seconds };
}
