import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** A repository that used gitleaks, detect-secrets and secretlint before keyward: their markers in place. */
function migratedTree(config = '') {
  return tempTree({
    ...(config ? { '.keyward.yml': config } : {}),
    'tests/fixtures.py': `SANDBOX = "${key.smartpayTest()}"  # pragma: allowlist secret\n`,
    'scripts/seed.sh': `export KEY=${key.smartpayLive()} # gitleaks:allow\n`,
    'src/client.ts': `// secretlint-disable-next-line\nexport const demo = "${key.accelebitTest()}";\n`,
    'src/old.ts': 'export const timeout = 30; // keyward-ignore\n',
  });
}

describe('migration from other scanners (built CLI)', () => {
  it('migration: other scanners\' markers silence their lines; an unused keyward-ignore is reported as info', () => {
    const run = runCli(['scan', '-f', 'json'], { cwd: migratedTree() });
    expect(run.status).toBe(0); // info does not fail the default --fail-on warning
    const findings = JSON.parse(run.stdout).findings;
    expect(findings.map((f: { ruleId: string; location: { path: string; line: number } }) => [f.ruleId, f.location.path, f.location.line])).toEqual([
      ['unused-inline-ignore', 'src/old.ts', 1],
    ]);
    expect(runCli(['scan', '--fail-on', 'info'], { cwd: migratedTree() }).stdout).toContain('keyward-ignore that suppresses nothing');
  });

  it('migration: foreignIgnoreMarkers: false reports what the markers hid; unused-inline-ignore can be switched off', () => {
    const run = runCli(['scan', '-f', 'json'], { cwd: migratedTree('foreignIgnoreMarkers: false\nrules:\n  unused-inline-ignore: off\n') });
    expect(run.status).toBe(1);
    const paths = JSON.parse(run.stdout).findings.map((f: { location: { path: string } }) => f.location.path).sort();
    expect(paths).toEqual(['scripts/seed.sh', 'src/client.ts', 'tests/fixtures.py']);
  });

  it('migration: a diff does not judge directives (the line they cover may be unchanged), so the hook never reports one', () => {
    const repo = TempRepo.init();
    repo.commit('init', { 'a.ts': `export const k = "${key.smartpayTest()}";\n` });
    // A directive added above an unchanged line that holds a key: used, though the diff shows only the directive.
    repo.write('a.ts', `// keyward-ignore-next-line\nexport const k = ${JSON.stringify(repo.git('show', 'HEAD:a.ts').split('"')[1])};\n`);
    repo.git('add', '-A');
    const staged = runCli(['scan', '--staged', '-f', 'json'], { cwd: repo.dir });
    expect(staged.status).toBe(0);
    expect(JSON.parse(staged.stdout).findings).toEqual([]);
  });
});
