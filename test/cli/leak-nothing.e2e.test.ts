import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { expandTemplate } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];

describe('nothing secret reaches a screen, a log or a file unless asked (built CLI)', () => {
  it('snippet: an AWS secret access key beside its key ID is found, and printed in no format, in history, or in a dry run', () => {
    const id = expandTemplate('AKIA{{base32:16}}');
    const secret = expandTemplate('{{b64:40}}');
    const line = `aws configure set profile.ci ${id} ${secret} --region eu-west-1\n`;
    const repo = TempRepo.init();
    repo.commit('ci', {
      'scripts/ci.sh': line,
      '.keyward.yml': 'revoke:\n  url: http://127.0.0.1:9/keyward\n  secretEnv: KEYWARD_WEBHOOK_SECRET\n  include: all\n',
    });
    const body = secret.slice(0, -4);
    const runs = [
      ...FORMATS.map((format) => runCli(['scan', '-f', format], { cwd: repo.dir })),
      ...FORMATS.map((format) => runCli(['history', '-f', format], { cwd: repo.dir })),
      runCli(['scan', '--revoke=dry-run'], { cwd: repo.dir }),
    ];
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(body);
      expect(run.stdout + run.stderr).not.toContain(id.slice(4, -4));
    }
    const json = JSON.parse(runs[1]!.stdout);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['aws-secret-access-key']);
    expect(json.findings[0].preview).toBe(`…${secret.slice(-4)}`);
  });

  it('control characters from scanned content or file names reach neither the terminal nor a GitHub annotation raw', () => {
    const key = expandTemplate('sk_live_{{rand:24}}');
    const name = 'evil\u001b[2Jname.ts';
    const root = tempTree({ [name]: `\u001b]0;pwned\u0007 const k = "${key}";\n` });
    for (const format of ['text', 'github', 'markdown']) {
      const run = runCli(['scan', '-f', format], { cwd: root });
      expect(run.status, format).toBe(1);
      expect(run.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(run.stdout, format).toContain('\\x1b');
    }
    // JSON and SARIF escape them by the format's own rules.
    expect(JSON.parse(runCli(['scan', '-f', 'json'], { cwd: root }).stdout).findings[0].location.path).toBe(name);
  });

  it('column numbers in a file that starts with a UTF-8 byte-order mark are those an editor shows, in every face', () => {
    const key = expandTemplate('sk_live_{{rand:24}}');
    const repo = TempRepo.init();
    repo.commit('init', { 'README.md': '#\n' });
    writeFileSync(join(repo.dir, 'bom.ts'), `\ufeffconst k = "${key}";\n`);
    const expected = 'const k = "'.length + 1;
    const tree = JSON.parse(runCli(['scan', '-f', 'json'], { cwd: repo.dir }).stdout);
    expect(tree.findings[0].location).toMatchObject({ line: 1, column: expected });
    repo.git('add', '-A');
    const staged = JSON.parse(runCli(['scan', '--staged', '-f', 'json'], { cwd: repo.dir }).stdout);
    expect(staged.findings[0].location).toMatchObject({ line: 1, column: expected });
    repo.git('commit', '-q', '-m', 'bom');
    const history = JSON.parse(runCli(['history', '-f', 'json'], { cwd: repo.dir }).stdout);
    expect(history.findings[0].location).toMatchObject({ line: 1, column: expected });
    expect(readFileSync(join(repo.dir, 'bom.ts'))[0]).toBe(0xef);
  });
});
