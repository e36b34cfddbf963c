import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, runCliAsync } from '../helpers/cli.js';
import { gitIn, TempRepo } from '../helpers/git-repo.js';
import { organization } from '../helpers/organization.js';
import { startGitHost } from '../helpers/git-host.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

interface Report {
  findings: Array<{ fingerprint: string; ruleId: string; new?: boolean; location: { repository: string; path: string; commit: string }; locations?: Array<{ repository: string }> }>;
  repositories: Array<{ repository: string; status: string; commitsScanned: number; durationMs: number; error?: string }>;
  summary: Record<string, unknown>;
  skipped: unknown[];
  notes: string[];
}

const read = (file: string): Report => JSON.parse(readFileSync(file, 'utf8'));

/** A report without what only timing decides: the comparison of a merged report with one machine's. */
function withoutTimings(report: Report): unknown {
  return {
    ...report,
    repositories: report.repositories.map(({ durationMs: _, ...rest }) => rest),
    summary: { ...report.summary, durationMs: 0 },
  };
}

describe('keyward repos / merge (built CLI, real repositories)', () => {
  it('scans every repository, reports a shared key once, fails the broken one after writing the report; shards merged equal one machine', async () => {
    const org = organization();
    const single = runCli(['repos', '--from', org.list, '--cache', 'cache-single', '--state', 'single-state.json', '-f', 'json', '-o', 'single.json'], { cwd: org.root });
    expect(single.status).toBe(2);
    expect(single.stderr).toMatch(new RegExp(`keyward: file://${org.broken.dir}: `));
    const report = read(join(org.root, 'single.json'));
    expect(report.repositories).toHaveLength(8);
    expect(report.repositories.filter((r) => r.status === 'scanned')).toHaveLength(7);
    const failed = report.repositories.find((r) => r.status === 'failed')!;
    expect(failed.repository).toBe(`file://${org.broken.dir}`);
    expect(failed.error).toMatch(/git clone/);
    expect(report.repositories.find((r) => r.repository === 'repo-6')!.commitsScanned).toBe(8);
    // Seven keys, the shared one once with both repositories.
    expect(report.findings).toHaveLength(6);
    const shared = report.findings.find((f) => f.locations)!;
    expect(shared.locations!.map((l) => l.repository)).toEqual([`file://${org.repos[1]!.dir}`, `file://${org.repos[5]!.dir}`]);
    expect(report.findings.every((f) => f.location.repository)).toBe(true);
    expect(JSON.stringify(report)).not.toContain(org.shared.slice(10));
    expect(report.summary).toMatchObject({ repositories: { scanned: 7, unchanged: 0, failed: 1 } });

    // Three shards at once, as separate processes, each with its own cache and state; then one merge.
    const shards = await Promise.all(
      [1, 2, 3].map((k) =>
        runCliAsync(['repos', '--from', org.list, '--shard', `${k}/3`, '--cache', `cache-${k}`, '--state', `state-${k}.json`, '-f', 'json', '-o', `shard-${k}.json`], { cwd: org.root }),
      ),
    );
    const parts = [1, 2, 3].map((k) => read(join(org.root, `shard-${k}.json`)));
    const scannedBy = parts.map((part) => part.repositories.map((r) => r.repository));
    expect(scannedBy.flat().sort()).toEqual(report.repositories.map((r) => r.repository).sort());
    expect(scannedBy.every((names) => names.length >= 2)).toBe(true);
    expect(shards.filter((run) => run.status === 2)).toHaveLength(1); // the shard holding the broken one
    const merge = runCli(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', 'state-1.json', 'state-2.json', 'state-3.json', '--state', 'merged-state.json', '-f', 'json', '-o', 'merged.json'], { cwd: org.root });
    expect(merge.status).toBe(2);
    expect(withoutTimings(read(join(org.root, 'merged.json')))).toEqual(withoutTimings(report));
    const state = JSON.parse(readFileSync(join(org.root, 'merged-state.json'), 'utf8'));
    expect(Object.keys(state.repositories).sort()).toEqual(report.repositories.filter((r) => r.status !== 'failed').map((r) => r.repository).sort());
    // Any format from the merge: SARIF for code scanning, with every result's repository.
    const sarif = runCli(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', '-f', 'sarif', '--allow-partial'], { cwd: org.root });
    expect(sarif.status).toBe(1);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results).toHaveLength(6);
    expect(results.every((r: { properties: { repository?: string } }) => r.properties.repository)).toBe(true);
  }, 60_000);

  it('scans only new commits with --state: a new key is new, a force-push is no error, a rule change or --full rescans everything', () => {
    const org = organization();
    const run = (extra: string[], cache = 'cache') =>
      runCli(['repos', '--from', org.list, '--cache', cache, '--state', 'state.json', '-f', 'json', '-o', 'report.json', '--allow-partial', ...extra], { cwd: org.root });
    expect(run([]).status).toBe(1);
    const first = read(join(org.root, 'report.json'));
    expect(first.findings.every((f) => f.new === true)).toBe(true);
    expect(first.summary.newFindings).toBe(6);

    expect(run([]).status).toBe(0);
    const quiet = read(join(org.root, 'report.json'));
    expect(quiet.findings).toEqual([]);
    expect(quiet.repositories.filter((r) => r.status === 'unchanged')).toHaveLength(7);

    // New work: a new key in repo-2; repo-3 force-pushed (its tip rewritten); repo-1 re-adds the shared key elsewhere.
    const added = key.smartpayLive();
    org.repos[2]!.commit('new key', { 'src/new.js': `const k = '${added}';\n` });
    org.repos[3]!.git('reset', '-q', '--hard', 'HEAD~2');
    org.repos[3]!.commit('rewritten', { 'src/rewrite.md': 'x\n' });
    org.repos[1]!.commit('again', { 'src/copy.js': `const stripe = '${org.shared}';\n` });
    expect(run([]).status).toBe(1);
    const next = read(join(org.root, 'report.json'));
    const byName = Object.fromEntries(next.repositories.map((r) => [r.repository, r]));
    expect(byName['repo-2']).toMatchObject({ status: 'scanned', commitsScanned: 1 });
    expect(byName[`file://${org.repos[3]!.dir}`]).toMatchObject({ status: 'scanned', commitsScanned: 1 });
    expect(byName[`file://${org.repos[1]!.dir}`]).toMatchObject({ status: 'scanned', commitsScanned: 1 });
    expect(byName['repo-0']!.status).toBe('unchanged');
    expect(next.findings.map((f) => [f.location.repository, f.location.path, f.new]).sort()).toEqual([
      [`file://${org.repos[1]!.dir}`, 'src/copy.js', false],
      ['repo-2', 'src/new.js', true],
    ]);

    // Force-pushed again, read through a new cache: the recorded tip is in no mirror any more. Not an error: the
    // branch is read again, and its old key is not new.
    org.repos[3]!.git('commit', '-q', '--amend', '-m', 'rewritten again');
    expect(run([], 'cache-2').status).toBe(1);
    const rewritten = read(join(org.root, 'report.json'));
    expect(rewritten.repositories.find((r) => r.repository === `file://${org.repos[3]!.dir}`)).toMatchObject({ status: 'scanned', commitsScanned: 4 });
    expect(rewritten.findings.map((f) => [f.location.repository, f.new])).toEqual([[`file://${org.repos[3]!.dir}`, false]]);

    // A rule change (the config re-grades a rule): every repository again, in full; nothing is new.
    writeFileSync(join(org.root, 'keyward.yml'), `rules:\n  ${first.findings[0]!.ruleId}: warning\n`);
    expect(run(['-c', 'keyward.yml']).status).toBe(1);
    const rescanned = read(join(org.root, 'report.json'));
    expect(rescanned.repositories.filter((r) => r.status === 'scanned')).toHaveLength(7);
    expect(rescanned.repositories.find((r) => r.repository === 'repo-6')!.commitsScanned).toBe(8);
    expect(rescanned.findings.length).toBeGreaterThanOrEqual(7);
    expect(rescanned.findings.some((f) => f.new)).toBe(false);
    // --full: the same, whatever the state says.
    expect(run(['-c', 'keyward.yml', '--full']).status).toBe(1);
    expect(read(join(org.root, 'report.json')).repositories.filter((r) => r.status === 'scanned')).toHaveLength(7);
  }, 60_000);

  it("reads a mirror's thousands of refs incrementally: the recorded tips go to git on stdin, not its command line", () => {
    // 8,000 pull-request refs, each its own commit, as a GitHub mirror has; a smaller stack makes the command-line
    // limit (a quarter of it) 256 KB, which 8,000 ids overrun: as 60,000 refs do at the default limit.
    const repo = TempRepo.init();
    const commits = Array.from({ length: 8000 }, (_, i) => `commit refs/pull/${i}/head\ncommitter A <a@example.com> ${1_600_000_000 + i} +0000\ndata 1\nx\n`);
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: commits.join('\n') });
    const dir = tempTree({ 'list.txt': `${repo.dir}\n` });
    const smallStack = ['sh', '-c', 'ulimit -s 1024; exec "$@"', 'sh'];
    const run = () => JSON.parse(runCli(['repos', '--from', 'list.txt', '--state', 'state.json', '-f', 'json'], { cwd: dir, prefix: smallStack }).stdout) as Report;
    expect(run().repositories[0]).toMatchObject({ status: 'scanned', commitsScanned: 8000 });
    repo.commit('one more', { 'a.txt': 'a\n' });
    expect(run().repositories[0]).toMatchObject({ status: 'scanned', commitsScanned: 1 });
  });

  it('lists a GitHub organization through its API (rate limit, 5xx), clones with the token as a header, and never writes the token', async () => {
    const token = `ghp_${'T0kenForTheOrgScan'.repeat(2)}`;
    const hosted = [0, 1].map((i) => {
      const repo = TempRepo.init();
      repo.commit('leak', { [`app-${i}.js`]: `const stripe = '${key.smartpayLive()}';\n` });
      const bare = join(tempTree(), `acme-${i}.git`);
      gitIn(repo.dir, 'clone', '-q', '--bare', repo.dir, bare);
      return { name: `acme/app-${i}`, bareDir: bare };
    });
    const host = await startGitHost({
      repositories: [...hosted, { name: 'acme/gone' }, { name: 'acme/a-fork', fork: true, bareDir: hosted[0]!.bareDir }],
      token,
      pageSize: 2,
      hiccups: [{ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) } }, { status: 502 }],
    });
    const dir = tempTree();
    const run = await runCliAsync(['repos', '--github-org', 'acme', '--api-url', host.apiUrl('github'), '--cache', 'cache', '--state', 'state.json', '-f', 'json', '-o', 'report.json'], {
      cwd: dir,
      env: { GITHUB_TOKEN: token },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/rate limited by 127\.0\.0\.1:\d+: waiting \d s/);
    const report = read(join(dir, 'report.json'));
    expect(report.repositories.map((r) => [r.repository.replace(/:\d+/, ':PORT'), r.status])).toEqual([
      ['http://127.0.0.1:PORT/git/acme/app-0.git', 'scanned'],
      ['http://127.0.0.1:PORT/git/acme/app-1.git', 'scanned'],
      ['http://127.0.0.1:PORT/git/acme/gone.git', 'failed'],
    ]);
    expect(report.findings).toHaveLength(2);
    // The git requests carried the token as Basic auth; no URL did.
    const gitRequests = host.requests.filter((r) => r.url.startsWith('/git/'));
    expect(gitRequests.some((r) => r.headers.authorization?.startsWith('Basic '))).toBe(true);
    expect(host.requests.every((r) => !r.url.includes(token))).toBe(true);
    // Nowhere on disk or on screen: report, state, every file of the mirrors, stdout, stderr.
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    for (const file of filesUnder(dir)) expect(readFileSync(file).includes(token), file).toBe(false);

    // Credentials written in a --from URL are taken out of it, sent the same way, and kept out of every output.
    writeFileSync(join(dir, 'list.txt'), `http://x-access-token:${token}@127.0.0.1:${host.port}/git/acme/app-1.git\n`);
    const fromList = await runCliAsync(['repos', '--from', 'list.txt', '--cache', 'cache-2', '--state', 'state-2.json', '-f', 'json', '-o', 'report-2.json'], { cwd: dir });
    expect(fromList.status).toBe(1);
    expect(read(join(dir, 'report-2.json')).repositories).toEqual([expect.objectContaining({ repository: `http://127.0.0.1:${host.port}/git/acme/app-1.git`, status: 'scanned' })]);
    expect(`${fromList.stdout}${fromList.stderr}`).not.toContain(token);
    for (const file of filesUnder(dir).filter((path) => path !== join(dir, 'list.txt'))) expect(readFileSync(file).includes(token), file).toBe(false);
  }, 60_000);

  it('lists a GitLab group through its API, with the token in PRIVATE-TOKEN and forks left out', async () => {
    const org = organization();
    const token = 'glpat-OrgScanToken0123456789';
    const host = await startGitHost({
      repositories: [
        { name: 'platform/api', cloneUrl: `file://${org.repos[0]!.dir}` },
        { name: 'platform/sub/web', cloneUrl: `file://${org.repos[1]!.dir}` },
        { name: 'platform/fork', cloneUrl: `file://${org.repos[2]!.dir}`, fork: true },
      ],
      token,
    });
    const run = await runCliAsync(['repos', '--gitlab-group', 'platform', '--api-url', host.apiUrl('gitlab'), '-f', 'json'], { cwd: org.root, env: { GITLAB_TOKEN: token } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.repositories.map((r) => r.repository)).toEqual([`file://${org.repos[0]!.dir}`, `file://${org.repos[1]!.dir}`]);
    expect(host.requests[0]!.url).toContain('include_subgroups=true');
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  it('shows a progress line on a terminal, and in text names each repository and what failed', () => {
    const org = organization();
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} repos --from repos.txt --no-color`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: org.root, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(tty.stdout).toMatch(/keyward: 8\/8 repositories · \d+ commits · \d+ findings · 1 failed · \d+:\d\d/);
    const text = runCli(['repos', '--from', 'repos.txt'], { cwd: org.root });
    expect(text.stderr).not.toContain('repositories ·');
    expect(text.stdout).toContain(`file://${org.repos[1]!.dir}: src/billing.js @ `);
    expect(text.stdout).toContain('also in 1 more repository');
    expect(text.stdout).toMatch(new RegExp(`failed file://${org.broken.dir}: git clone: `));
    expect(text.stdout).toContain('8 repositories: 7 scanned, 0 unchanged since the last run, 1 failed');
  });

  it('keeps each key with its finding across repositories, for --verify, the webhook and --html-show-secrets', () => {
    const org = organization();
    // The HTML page redacts keys even under --show-secrets: it needs each finding's key to do so.
    const page = runCli(['repos', '--from', org.list, '-f', 'html', '--show-secrets', '--allow-partial'], { cwd: org.root });
    expect(page.status).toBe(1);
    expect(page.stdout).toContain('sk_live_…');
    expect(page.stdout).not.toContain(org.shared);
    const clear = runCli(['repos', '--from', org.list, '-f', 'html', '--show-secrets', '--html-show-secrets', '--allow-partial'], { cwd: org.root });
    expect(clear.stdout).toContain(org.shared);
  });

  it('plans shards a later job can read back', () => {
    const dir = tempTree();
    const org = organization();
    const plan = runCli(['repos', '--from', org.list, '--plan', '--shard-total', '3', '-o', 'plan.json'], { cwd: dir });
    expect(plan.status).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(written).toMatchObject({ kind: 'keyward-plan', shards: [1, 2, 3] });
    expect(written.repositories).toHaveLength(8);
    // The plan as the list (beside the first, as its paths are relative): shard 2 scans what the plan gave shard 2.
    writeFileSync(join(org.root, 'plan.json'), readFileSync(join(dir, 'plan.json')));
    const second = runCli(['repos', '--from', join(org.root, 'plan.json'), '--shard', '2/3', '--cache', 'c', '-f', 'json', '--allow-partial'], { cwd: dir });
    const scanned = (JSON.parse(second.stdout) as Report).repositories.map((r) => r.repository).sort();
    expect(scanned).toEqual(written.repositories.filter((r: { shard: number }) => r.shard === 2).map((r: { repository: string }) => r.repository).sort());
    expect(second.stderr).toMatch(/shard 2\/3: \d of 8 repositories/);
  });

  it('refuses what cannot work with one line and exit 2: no list, two lists, a broken state, a bad shard', () => {
    const dir = tempTree({ 'list.txt': 'nowhere\n', 'state.json': '{"kind":"keyward-state","version":1,"repositories":{"x":{"tips":{}}}}' });
    const cases: Array<[string[], RegExp]> = [
      [[], /name the repositories with one of --from FILE/],
      [['--from', 'list.txt', '--github-org', 'acme'], /name the repositories with one of/],
      [['--from', 'list.txt', '--state', 'state.json'], /^keyward: state\.json: not a keyward state file \(repositories\.x\.rules: /],
      [['--from', 'list.txt', '--shard', '4/3'], /--shard takes K\/N/],
      [['--from', 'missing.txt'], /--from missing\.txt: no such file/],
      [['--from', 'list.txt', '--state', 'list.txt/state.json'], /--state list\.txt\/state\.json: cannot be written/],
      [['--from', 'list.txt', '--max-file-size', 'big'], /--max-file-size takes a size/],
      [['--github-org', 'acme', '--api-url', 'github.example.com'], /--api-url takes the API's http\(s\) address/],
      [['--github-org', 'acme', '--api-url', 'http://github.example.com/api/v3'], /--api-url http:\/\/github\.example\.com: the token would cross the network in clear/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(['repos', ...args], { cwd: dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it('stops a repository that overruns --repo-timeout and reports it failed', () => {
    const org = organization();
    const run = runCli(['repos', '--from', org.list, '--cache', 'c', '--repo-timeout', '1ms', '-f', 'json'], { cwd: org.root });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.repositories.every((r) => r.status === 'failed')).toBe(true);
    expect(report.repositories.filter((r) => r.error === 'timed out after 1 ms').length).toBeGreaterThanOrEqual(7);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

