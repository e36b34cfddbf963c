import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('keyward rules, --rules and --exclude-rules (built CLI)', () => {
  it('lists every rule with id, severity, vendor and keywords, custom rules and config settings included', () => {
    const root = tempTree({
      '.keyward.yml': 'rules:\n  generic-password: off\ncustomRules:\n  - id: acme-token\n    title: Acme token\n    severity: info\n    keywords: [acme_]\n    regex: "(?P<secret>acme_[a-z0-9]{20})"\n',
    });
    const rows = JSON.parse(runCli(['rules', '--json'], { cwd: root }).stdout) as Array<{ id: string; severity: string; keywords: string[] }>;
    const ids = rows.map((r) => r.id);
    expect(ids).toContain('github-token');
    expect(ids).toContain('client-side-secret');
    expect(ids).not.toContain('generic-password');
    expect(rows.find((r) => r.id === 'acme-token')).toMatchObject({ severity: 'info', keywords: ['acme_'] });
    expect(rows.find((r) => r.id === 'github-token')?.keywords).toContain('ghp_');
    expect(rows.length).toBeGreaterThan(100);
  });

  it('says which rules can verify a key with its vendor, and which can revoke it', () => {
    const rows = JSON.parse(runCli(['rules', '--json'], { cwd: tempTree() }).stdout) as Array<{ id: string; verify: string[]; revoke?: string }>;
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row('github-token')).toMatchObject({ verify: ['github'], revoke: 'github-revoke' });
    expect(row('smartpay-live-secret-key')).toMatchObject({ verify: ['smartpay', 'stripe', 'example-api'] });
    expect(row('generic-password')!.verify).toEqual([]);
    expect(row('generic-password')!.revoke).toBeUndefined();
    const text = runCli(['rules'], { cwd: tempTree() }).stdout;
    expect(text).toMatch(/^slack-token +error +Slack +verify \(slack\), revoke +xoxb-/m);
    expect(text).toMatch(/rules; \d+ can verify keys with --verify, 3 can revoke them \(keyward revoke\)\n$/);
  });

  it('runs only the chosen rules, or all but the excluded ones, and refuses unknown ids', () => {
    const root = tempTree({ 'server/a.ts': `a = "${key.smartpayLive()}"\nb = "${key.accelebitLive()}"\n` });
    const ids = (args: string[]) => JSON.parse(runCli(['scan', '-f', 'json', ...args], { cwd: root }).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids([])).toEqual(['smartpay-live-secret-key', 'accelebit-live-secret-key']);
    expect(ids(['--rules', 'accelebit-live-secret-key'])).toEqual(['accelebit-live-secret-key']);
    expect(ids(['--exclude-rules', 'accelebit-live-secret-key'])).toEqual(['smartpay-live-secret-key']);
    const bad = runCli(['scan', '--rules', 'no-such-rule'], { cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('keyward: --rules: no rule has the id no-such-rule (keyward rules lists them)');
  });
});
