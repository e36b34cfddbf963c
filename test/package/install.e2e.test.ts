import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSING_TYPESCRIPT_PARSER } from '../../src/eslint/typescript-parser.js';
import { packageRoot } from '../../src/package-root.js';
import { key } from '../helpers/keys.js';
import { writeTree } from '../helpers/temp-dir.js';

/** npm as a user runs it: the registry's packages (from the local cache when it has them), no audit, no prompts. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every installed package folder (nested copies too), and the bytes of every file under node_modules. */
function measure(nodeModules: string): { packages: number; bytes: number } {
  let packages = 0;
  let bytes = 0;
  for (const entry of readdirSync(nodeModules, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) bytes += statSync(path).size;
    if (entry.isDirectory() && /(?:^|[/\\])node_modules[/\\](?:@[^/\\]+[/\\])?[^@/\\][^/\\]*$/.test(path) && isPackage(path)) packages++;
  }
  return { packages, bytes };
}

function isPackage(dir: string): boolean {
  try {
    return statSync(join(dir, 'package.json')).isFile();
  } catch {
    return false;
  }
}

function eslint(project: string, file: string): Array<{ ruleId: string | null; message: string }> {
  const run = spawnSync(process.execPath, [join(project, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', file], { cwd: project, encoding: 'utf8' });
  return (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>)[0]!.messages;
}

describe('the packed package, installed into a new project', { timeout: 240_000 }, () => {
  let project: string;
  const live = key.smartpayLive();

  beforeAll(() => {
    // One project for the whole suite (each step installs into it), so not a per-test temporary folder.
    project = mkdtempSync(join(tmpdir(), 'keyward-install-'));
    writeTree(project, {
      'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', private: true, type: 'module' }),
      'src/pay.js': `export const client = { apiKey: "${live}" };\n`,
      'src/pay.ts': `const amount: number = 1;\nexport const client = { apiKey: "${live}", amount };\n`,
      'eslint.config.js': "import keyward from 'keyward/eslint';\nexport default [keyward.configs.recommended];\n",
    });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    npm(['install', join(project, packed[0].filename)], project);
  });

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('is light: at most 30 packages and 15 MB, so the CLI costs a project little', () => {
    const { packages, bytes } = measure(join(project, 'node_modules'));
    expect(packages).toBeGreaterThanOrEqual(1);
    expect(packages).toBeLessThanOrEqual(30);
    expect(bytes).toBeLessThanOrEqual(15 * 1024 * 1024);
  });

  it('runs `npx keyward scan` there and finds the key, redacted', () => {
    const run = spawnSync('npx', ['--no-install', 'keyward', 'scan', 'src', '--format', 'json'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { path: string } }> };
    expect(report.findings.map((f) => f.location.path).sort()).toEqual(['src/pay.js', 'src/pay.ts']);
    expect(run.stdout).not.toContain(live);
  });

  it('its ESLint plugin works with ESLint alone, and says what to install for TypeScript', () => {
    npm(['install', 'eslint@9'], project);
    expect(eslint(project, 'src/pay.js').map((m) => m.ruleId)).toContain('keyward/no-hardcoded-secret');
    const [parsing] = eslint(project, 'src/pay.ts');
    expect(parsing).toMatchObject({ ruleId: null, message: expect.stringContaining(MISSING_TYPESCRIPT_PARSER) });
  });

  it('reads TypeScript once the project has @typescript-eslint/parser', () => {
    npm(['install', '@typescript-eslint/parser@8'], project);
    expect(eslint(project, 'src/pay.ts').map((m) => m.ruleId)).toContain('keyward/no-hardcoded-secret');
  });
});
