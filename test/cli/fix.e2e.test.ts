import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseEnvFile } from '../../src/fix/env-files.js';
import { CLI, runCli, runCliAsync } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { tempTree } from '../helpers/temp-dir.js';
import { startVendorServer } from '../helpers/vendor-server.js';
import { STAND_INS } from '../helpers/vendor-stand-ins.js';
import { githubStyleToken, key, randomAlnum, randomHex } from '../helpers/keys.js';

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Runs a language's own checker on a file; throws with its output when the file does not parse or compile. */
function check(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'pipe' });
}

interface LanguageCase {
  language: string;
  path: string;
  /** The file, around a generated key. */
  source: (secret: string) => string;
  secret: () => string;
  /** The env read expected in the fixed file. */
  read: RegExp;
  /** The language's own parser or compiler, when the machine has it. */
  tool?: string;
  verify?: (dir: string, path: string) => void;
}

const CASES: LanguageCase[] = [
  {
    language: 'JavaScript',
    path: 'server/pay.js',
    secret: key.accelebitLive,
    source: (s) => `const key = "${s}";\nfetch("https://api.gateway.accelebit.com/v1/payments", { headers: { "X-API-Key": key } });\n`,
    read: /const key = process\.env\.ACCELEBIT_SECRET_KEY;/,
    tool: 'node',
    verify: (dir, path) => check('node', ['--check', path], dir),
  },
  {
    language: 'TypeScript',
    path: 'server/stripe.ts',
    secret: () => `sk_live_51${randomAlnum(96)}`,
    source: (s) => `import Stripe from 'stripe';\nexport const stripe = new Stripe('${s}', { apiVersion: '2024-06-20' });\n`,
    read: /new Stripe\(process\.env\.STRIPE_SECRET_KEY, \{/,
    verify: (dir, path) => {
      const out = ts.transpileModule(readFileSync(join(dir, path), 'utf8'), { reportDiagnostics: true, fileName: path });
      expect(out.diagnostics ?? []).toEqual([]);
    },
  },
  {
    language: 'Python',
    path: 'app/leads.py',
    secret: () => randomAlnum(40),
    source: (s) => `"""Leads."""\nimport requests\n\nSMARTLEAD_API_KEY = "${s}"\nrequests.post("https://server.smartlead.ai/api/v1/campaigns/create", json={"api_key": "${s}"})\n`,
    read: /SMARTLEAD_API_KEY = os\.environ\["SMARTLEAD_API_KEY"\]/,
    tool: 'python3',
    verify: (dir, path) => check('python3', ['-m', 'py_compile', path], dir),
  },
  {
    language: 'Go',
    path: 'cmd/main.go',
    secret: key.accelebitLive,
    source: (s) => `package main\n\nimport "fmt"\n\nconst accelebitKey = "${s}"\n\nfunc main() { fmt.Println(accelebitKey) }\n`,
    read: /var accelebitKey = os\.Getenv\("ACCELEBIT_SECRET_KEY"\)/,
    tool: 'go',
    verify: (dir, path) => {
      check('gofmt', ['-e', '-l', path], dir);
      expect(execFileSync('gofmt', ['-l', path], { cwd: dir, encoding: 'utf8' })).toBe(''); // formatted as gofmt would
      check('go', ['vet', path], dir);
    },
  },
  {
    language: 'Ruby',
    path: 'lib/slack.rb',
    secret: () => `xoxb-${randomHex(10).replace(/\D/g, '3')}1-${randomHex(12).replace(/\D/g, '4')}2-${randomAlnum(24)}`,
    source: (s) => `require "slack-ruby-client"\n\nclient = Slack::Web::Client.new(token: "${s}")\n`,
    read: /Slack::Web::Client\.new\(token: ENV\.fetch\("[A-Z_]+"\)\)/,
    tool: 'ruby',
    verify: (dir, path) => check('ruby', ['-c', path], dir),
  },
  {
    language: 'PHP',
    path: 'src/config.php',
    secret: () => `sk_live_51${randomAlnum(96)}`,
    source: (s) => `<?php\n$stripe = new \\Stripe\\StripeClient('${s}');\n`,
    read: /new \\Stripe\\StripeClient\(getenv\('STRIPE_SECRET_KEY'\)\)/,
    tool: 'php',
    verify: (dir, path) => check('php', ['-l', path], dir),
  },
  {
    language: 'Java',
    path: 'src/main/java/Config.java',
    secret: () => githubStyleToken('ghp'),
    source: (s) => `public class Config {\n  static final String GITHUB_TOKEN = "${s}";\n}\n`,
    read: /static final String GITHUB_TOKEN = System\.getenv\("GITHUB_TOKEN"\);/,
    tool: 'javac',
    verify: (dir, path) => check('javac', ['-d', join(dir, '.classes'), path], dir),
  },
  {
    language: 'Kotlin',
    path: 'app/src/main/kotlin/Mail.kt',
    secret: () => `SG.${randomAlnum(22)}.${randomAlnum(43)}`,
    source: (s) => `package mail\n\nconst val SENDGRID = "${s}"\n`,
    read: /^val SENDGRID = System\.getenv\("SENDGRID_API_KEY"\)$/m,
    tool: 'kotlinc',
    verify: (dir, path) => check('kotlinc', [path, '-d', join(dir, '.classes')], dir),
  },
  {
    language: 'shell',
    path: 'scripts/charge.sh',
    secret: () => randomHex(40),
    source: (s) => `#!/bin/sh\ncurl -X GET https://api.smartretry.com/v1/payments/sale/1 -H 'x-api-key: ${s}'\n`,
    read: /-H 'x-api-key: '"\$\{SMARTRETRY_API_KEY\}"''/,
    tool: 'sh',
    verify: (dir, path) => check('sh', ['-n', path], dir),
  },
  {
    language: 'docker compose',
    path: 'docker-compose.yml',
    secret: () => `sk-proj-${randomAlnum(20)}T3BlbkFJ${randomAlnum(20)}`,
    source: (s) => `services:\n  api:\n    image: api\n    environment:\n      OPENAI_API_KEY: "${s}"\n`,
    read: /OPENAI_API_KEY: "\$\{OPENAI_API_KEY\}"/,
    verify: (dir, path) => expect(parseYaml(readFileSync(join(dir, path), 'utf8')).services.api.environment.OPENAI_API_KEY).toBe('${OPENAI_API_KEY}'),
  },
  {
    language: 'Spring properties',
    path: 'src/main/resources/application.properties',
    secret: () => `SG.${randomAlnum(22)}.${randomAlnum(43)}`,
    source: (s) => `spring.application.name=mail\nsendgrid.api-key=${s}\n`,
    read: /^sendgrid\.api-key=\$\{SENDGRID_API_KEY\}$/m,
  },
  {
    language: 'npm configuration',
    path: '.npmrc',
    secret: () => `npm_${randomAlnum(36)}`,
    source: (s) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${s}\n`,
    read: /^\/\/registry\.npmjs\.org\/:_authToken=\$\{NPM_TOKEN\}$/m,
  },
];

/** A repository that committed the file, so that history holds the key (as it does when fix is needed). */
function repoWith(files: Record<string, string>): TempRepo {
  const repo = TempRepo.init();
  repo.commit('add the integration', files);
  return repo;
}

function envOf(dir: string): Map<string, string> {
  return parseEnvFile(readFileSync(join(dir, '.env'), 'utf8'));
}

/** Runs fix on a repository holding the case's file; checks what every language shares; returns the repository. */
function fixedRepo(c: LanguageCase): TempRepo {
  const secret = c.secret();
  const repo = repoWith({ [c.path]: c.source(secret) });
  const run = runCli(['fix', '--yes'], { cwd: repo.dir });
  expect(run.stderr).not.toContain(secret);
  expect(run.stdout).not.toContain(secret);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/still in git history: added in commit [0-9a-f]{10}\. Anyone with a clone has it: rotate it now\./);

  const fixed = readFileSync(join(repo.dir, c.path), 'utf8');
  expect(fixed).not.toContain(secret);
  expect(fixed).toMatch(c.read);
  const names = [...envOf(repo.dir)].filter(([, value]) => value === secret).map(([name]) => name);
  expect(names).toHaveLength(1);
  expect(readFileSync(join(repo.dir, '.env.example'), 'utf8')).toMatch(new RegExp(`^${names[0]}=$`, 'm'));
  expect(repo.git('check-ignore', '.env').trim()).toBe('.env');
  // What git would commit now holds no key.
  const rescan = runCli(['scan', '.'], { cwd: repo.dir });
  expect(rescan.status, rescan.stdout).toBe(0);
  return repo;
}

describe('keyward fix, language by language, on real repositories', () => {
  it.each(CASES.map((c) => [c.language, c] as const))('%s: the key moves to .env, the code reads the environment, .env is ignored', (_language, c) => {
    fixedRepo(c);
  });

  // The language's own tool must accept the fixed file. CI installs every one (.ci/run); elsewhere a missing tool
  // skips its test, by name.
  for (const c of CASES.filter((x) => x.verify)) {
    const missing = c.tool && !has(c.tool);
    it.skipIf(missing)(`${c.language}: the fixed file still parses${c.tool ? ` (${c.tool}${missing ? ' is not installed: skipped' : ''})` : ''}`, () => {
      const repo = fixedRepo(c);
      c.verify!(repo.dir, c.path);
    });
  }
});

describe('keyward fix, where an edit would be wrong', () => {
  it('a key in client-side code is not "fixed" by an env read the bundler inlines: it explains the server-side way and changes nothing', () => {
    const secret = key.smartpayLive();
    const component = `'use client';\nimport { Smartpay } from '@smartpay/js';\nexport const pay = new Smartpay("${secret}");\n`;
    const repo = repoWith({ 'src/components/Checkout.tsx': component, 'package.json': '{"dependencies":{"next":"15.0.0","react":"19.0.0"}}\n' });
    const run = runCli(['fix', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(1);
    expect(readFileSync(join(repo.dir, 'src/components/Checkout.tsx'), 'utf8')).toBe(component);
    expect(run.stderr).toMatch(/left alone: .*Checkout\.tsx:3: this file ships to the browser .*NEXT_PUBLIC_, VITE_.*move the call that needs the key to your server/);
    expect(existsSync(join(repo.dir, '.env'))).toBe(false);
  });

  it('test and fixture keys are left alone unless --include-tests', () => {
    const secret = key.accelebitLive();
    const file = `export const key = "${secret}";\n`;
    const repo = repoWith({ 'test/fixtures/keys.ts': file });
    const left = runCli(['fix', '--yes'], { cwd: repo.dir });
    expect(left.status).toBe(0);
    expect(readFileSync(join(repo.dir, 'test/fixtures/keys.ts'), 'utf8')).toBe(file);
    expect(left.stderr).toContain('a test or fixture key (--include-tests moves it too)');
    expect(runCli(['fix', '--yes', '--include-tests'], { cwd: repo.dir }).status).toBe(0);
    expect(readFileSync(join(repo.dir, 'test/fixtures/keys.ts'), 'utf8')).toBe('export const key = process.env.ACCELEBIT_SECRET_KEY;\n');
  });

  it('a config format whose reader does not expand variables is left as it is, with the reason', () => {
    const secret = key.accelebitLive();
    const repo = repoWith({ 'config/payments.json': `{ "accelebitKey": "${secret}" }\n` });
    const run = runCli(['fix', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('payments.json is read by a program that does not expand environment variables');
  });
});

describe('keyward fix: all or nothing, and only when asked', () => {
  it('a failure mid-run (a file it cannot write) leaves every file as it was', () => {
    const secret = key.accelebitLive();
    const source = `const key = "${secret}";\n`;
    const repo = repoWith({ 'server/a.js': source, 'server/b.js': `const same = "${secret}";\n` });
    mkdirSync(join(repo.dir, '.env.example')); // .env.example cannot be written: it is a folder
    const run = runCli(['fix', '--yes'], { cwd: repo.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('keyward: cannot write .env.example (EISDIR): nothing was changed\n');
    expect(readFileSync(join(repo.dir, 'server/a.js'), 'utf8')).toBe(source);
    expect(readFileSync(join(repo.dir, 'server/b.js'), 'utf8')).toBe(`const same = "${secret}";\n`);
    expect(existsSync(join(repo.dir, '.env'))).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('--dry-run prints the diff, redacted, and changes nothing; without a terminal it needs --yes', () => {
    const secret = key.accelebitLive();
    const repo = repoWith({ 'server/a.js': `const key = "${secret}";\n` });
    const dry = runCli(['fix', '--dry-run'], { cwd: repo.dir });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+const key = process.env.ACCELEBIT_SECRET_KEY;');
    expect(dry.stdout).toMatch(/^\+ACCELEBIT_SECRET_KEY=smtgw_sk_live_…/m);
    expect(dry.stdout).not.toContain(secret);
    expect(repo.git('status', '--porcelain')).toBe('');
    const asked = runCli(['fix'], { cwd: repo.dir });
    expect([asked.status, asked.stderr]).toEqual([2, 'keyward: fix shows its changes and asks first: pass --yes to apply them without a terminal, or --dry-run to only print them\n']);
  });

  it('on a terminal it asks, and applies only on yes', () => {
    const secret = key.accelebitLive();
    const source = `const key = "${secret}";\n`;
    const repo = repoWith({ 'server/a.js': source });
    // script(1) gives the CLI a real terminal; the answer is typed into it.
    const onTerminal = (answer: string) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} fix`, '/dev/null'], { cwd: repo.dir, input: `${answer}\n`, encoding: 'utf8' });
    const no = onTerminal('n');
    expect(no.stdout).toContain('Apply these changes to 4 file(s)? [y/N]');
    expect(no.stdout).toContain('nothing was changed');
    expect(readFileSync(join(repo.dir, 'server/a.js'), 'utf8')).toBe(source);
    onTerminal('y');
    expect(readFileSync(join(repo.dir, 'server/a.js'), 'utf8')).toBe('const key = process.env.ACCELEBIT_SECRET_KEY;\n');
  });

  it('a tracked .env is untracked only with consent, and never receives keys while tracked', () => {
    const secret = key.accelebitLive();
    const other = key.smartpayLive();
    const repo = repoWith({ '.env': `SMARTPAY_SECRET_KEY=${other}\n`, 'server/a.js': `const key = "${secret}";\n` });
    const refused = runCli(['fix', '--yes'], { cwd: repo.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('.env is tracked by git, and keys cannot stay there: run again with --untrack-env');
    expect(readFileSync(join(repo.dir, '.env'), 'utf8')).toBe(`SMARTPAY_SECRET_KEY=${other}\n`);

    const run = runCli(['fix', '--yes', '--untrack-env'], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expect(repo.git('ls-files', '.env')).toBe('');
    expect(repo.git('check-ignore', '.env').trim()).toBe('.env');
    expect(envOf(repo.dir).get('ACCELEBIT_SECRET_KEY')).toBe(secret);
    expect(envOf(repo.dir).get('SMARTPAY_SECRET_KEY')).toBe(other);
  });

  it('--staged fixes what the commit would add and stages the fix, so the hook lets the commit through', () => {
    const repo = repoWith({ 'README.md': '# app\n' });
    const secret = key.accelebitLive();
    repo.write('server/pay.js', `const key = "${secret}";\n`);
    repo.git('add', 'server/pay.js');
    expect(runCli(['scan', '--staged'], { cwd: repo.dir }).stderr).toContain('npx keyward fix --staged');
    const run = runCli(['fix', '--staged', '--yes'], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(0);
    expect(repo.git('show', ':server/pay.js')).toBe('const key = process.env.ACCELEBIT_SECRET_KEY;\n');
    expect(run.stderr).toContain('never committed here');
    expect(runCli(['scan', '--staged'], { cwd: repo.dir }).status).toBe(0);
  });

  it('--verify says afterwards whether the vendor still accepts each moved key', async () => {
    const accelebit = await startVendorServer(STAND_INS.accelebit);
    const secret = key.accelebitLive();
    accelebit.activate(secret);
    const repo = repoWith({ 'server/a.js': `const key = "${secret}";\n` });
    const env = { KEYWARD_VERIFY_ORIGINS: JSON.stringify({ '*': accelebit.origin }), XDG_CACHE_HOME: tempTree() };
    const run = await runCliAsync(['fix', '--yes', '--verify'], { cwd: repo.dir, env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/ACCELEBIT_SECRET_KEY \(smtgw_sk_live_…\w{4}\) — the vendor says it is active:/);
    expect(accelebit.requests).toHaveLength(1);
  });

  it('--replacements writes the file git filter-repo --replace-text reads, for the keys history holds', () => {
    const secret = key.accelebitLive();
    const repo = repoWith({ 'server/a.js': `const key = "${secret}";\n` });
    const file = join(repo.dir, '..', `keys-${randomHex(6)}.txt`);
    const run = runCli(['fix', '--yes', '--replacements', file], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${secret}==>ACCELEBIT_SECRET_KEY_REMOVED\n`);
    expect(run.stderr).toContain(`git filter-repo --replace-text ${file}`);
    expect(run.stderr).toContain('rewriting history does not un-leak a key');
  });
});
