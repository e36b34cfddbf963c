import { describe, expect, it } from 'vitest';
import { secretOf } from '../../src/engine/detector.js';
import { fingerprintOf } from '../../src/engine/fingerprint.js';
import { defaultDetector, detectIn, detectorWith } from '../helpers/detector.js';
import { key, randomBase64, randomHex } from '../helpers/keys.js';

describe('Detector', () => {
  it('reports an Accelebit key once, never a second sk_live_ finding for its tail', () => {
    const secret = key.accelebitLive();
    const findings = detectIn(`curl -H "X-API-Key: ${secret}" https://api.gateway.accelebit.com/v1/payments`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.ruleId).toBe('accelebit-live-secret-key');
  });

  it('gives a vendor key in a Bearer header to the vendor rule, not the generic bearer rule', () => {
    const findings = detectIn(`-H "Authorization: Bearer ${key.smartpayLive()}"`);
    expect(findings.map((f) => f.ruleId)).toEqual(['smartpay-live-secret-key']);
  });

  it('lets a public key claim its text so that a generic rule does not report it', () => {
    expect(detectIn(`const apiKey = "${key.smartpayPublic()}";`)).toEqual([]);
    expect(detectIn(`ACCELEBIT_API_KEY=${key.accelebitPublic()}`)).toEqual([]);
  });

  it('reports line and column (1-based, CRLF files included) and the severity of the rule', () => {
    const secret = key.smartpayTest();
    const findings = detectIn(`// config\r\n\r\nconst k =   "${secret}";\r\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ line: 3, column: 14, endColumn: 14 + secret.length });
    expect(findings[0]!.severity).toBe('warning');
  });

  it('maps lines through lineNumbers when the chunk is the added lines of a diff', () => {
    const detector = defaultDetector;
    const findings = detector.detect({
      origin: { path: 'a.ts', commit: 'abc' },
      text: `first\nkey = "${key.smartpayLive()}"\n`,
      lineNumbers: [10, 42],
    });
    expect(findings[0]!.location).toMatchObject({ line: 42, commit: 'abc' });
  });

  it('never puts the secret in the finding, and keeps it retrievable for explicit use', () => {
    const secret = key.smartpayLive();
    const [finding] = detectIn(`const a = "${secret}"; const b = "${secret}";`);
    expect(JSON.stringify(finding)).not.toContain(secret.slice(8));
    expect(finding!.preview).toBe(`sk_live_…${secret.slice(-4)}`);
    expect(secretOf(finding!)).toBe(secret);
  });

  it('redacts every secret on the line in the snippet, not only the reported one', () => {
    const a = key.smartpayLive();
    const b = key.accelebitLive();
    const findings = detectIn(`pair("${a}", "${b}")`);
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.snippet).not.toContain(a.slice(8));
      expect(f.snippet).not.toContain(b.slice(14));
    }
  });

  it('shows secrets in clear only when asked', async () => {
    const secret = key.smartpayLive();
    const [finding] = detectIn(`k = "${secret}"`, 'a.py', await detectorWith({}, { showSecrets: true }));
    expect(finding!.preview).toBe(secret);
    expect(finding!.snippet).toContain(secret);
  });

  it('fingerprints rule and secret, not the position', () => {
    const secret = key.smartpayLive();
    const [first] = detectIn(`k = "${secret}"`);
    const [moved] = detectIn(`\n\n\n    other = 1; k = "${secret}"`);
    expect(first!.fingerprint).toBe(moved!.fingerprint);
    expect(first!.fingerprint).toBe(fingerprintOf('smartpay-live-secret-key', secret));
  });

  it('honours keyward-ignore on the line and keyward-ignore-next-line above it, with or without rule ids', () => {
    const s = key.smartpayLive;
    expect(detectIn(`k = "${s()}" // keyward-ignore`)).toEqual([]);
    expect(detectIn(`# keyward-ignore-next-line\nk = "${s()}"`)).toEqual([]);
    expect(detectIn(`k = "${s()}" // keyward-ignore: smartpay-live-secret-key`)).toEqual([]);
    // A directive that covers nothing leaves the key reported, and is itself reported as unused.
    expect(detectIn(`k = "${s()}" // keyward-ignore: generic-api-key`).map((f) => f.ruleId)).toEqual(['smartpay-live-secret-key', 'unused-inline-ignore']);
    expect(detectIn(`# keyward-ignore-next-line\n\nk = "${s()}"`).map((f) => f.ruleId)).toEqual(['unused-inline-ignore', 'smartpay-live-secret-key']);
  });

  it('encrypted values stay quiet: SealedSecret encryptedData, SOPS ENC[…], Ansible Vault, age and PGP messages', () => {
    const b64 = () => randomBase64(64);
    const files: Record<string, string> = {
      'k8s/sealed.yaml': `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    api_key: AgB${b64()}${b64()}\n    password: AgA${b64()}\n`,
      'secrets.enc.yaml': `api_key: ENC[AES256_GCM,data:${b64()},iv:${randomBase64(22)}=,tag:${randomBase64(22)}==,type:str]\ndb_password: ENC[AES256_GCM,data:${randomBase64(20)},iv:x=,tag:y==,type:str]\n`,
      'group_vars/all/vault.yml': `db_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n          ${randomHex(64)}\n          ${randomHex(64)}\n`,
      'secrets/app.age': `-----BEGIN AGE ENCRYPTED FILE-----\n${b64()}\n${b64()}\n-----END AGE ENCRYPTED FILE-----\n`,
      'notes.asc': `-----BEGIN PGP MESSAGE-----\n\n${b64()}\n${b64()}\n=${randomBase64(4)}\n-----END PGP MESSAGE-----\n`,
    };
    for (const [path, text] of Object.entries(files)) expect(detectIn(text, path), path).toEqual([]);
    // The same api_key outside a SealedSecret is reported.
    expect(detectIn(`api_key: AgB${b64()}\n`, 'k8s/config.yaml').map((f) => f.ruleId)).toEqual(['generic-api-key']);
  });

  it('migration: honours the inline markers of gitleaks, trufflehog, Kingfisher, ggshield, detect-secrets and secretlint', async () => {
    const s = key.smartpayLive;
    const sameLine = ['gitleaks:allow', 'trufflehog:ignore', 'kingfisher:ignore', 'kingfisher:allow', 'ggignore', 'pragma: allowlist secret', 'secretlint-disable-line'];
    for (const marker of sameLine) expect(detectIn(`k = "${s()}" # ${marker}`), marker).toEqual([]);
    for (const marker of ['pragma: allowlist nextline secret', 'secretlint-disable-next-line']) {
      expect(detectIn(`// ${marker}\nk = "${s()}"`), marker).toEqual([]);
      expect(detectIn(`// ${marker}\n\nk = "${s()}"`), `${marker}, a line too far`).toHaveLength(1);
    }
    // A same-line marker does not reach the next line, and markers are matched as their tools spell them.
    expect(detectIn(`// gitleaks:allow\nk = "${s()}"`)).toHaveLength(1);
    expect(detectIn(`k = "${s()}" // GITLEAKS:ALLOW`)).toHaveLength(1);
    // foreignIgnoreMarkers: false in the config turns them off; keyward's own still work.
    const strict = await detectorWith({ foreignIgnoreMarkers: false });
    expect(detectIn(`k = "${s()}" // gitleaks:allow`, 'a.ts', strict)).toHaveLength(1);
    expect(detectIn(`k = "${s()}" // keyward-ignore`, 'a.ts', strict)).toEqual([]);
  });

  it('migration: reports a keyward-ignore that suppresses nothing, in whole files only, and never one that does', () => {
    const s = key.smartpayLive;
    const [unused] = detectIn('const retries = 3; // keyward-ignore\n');
    expect(unused).toMatchObject({ ruleId: 'unused-inline-ignore', severity: 'info', location: { line: 1, column: 23 } });
    expect(detectIn(`// keyward-ignore-next-line\nconst k = "${s()}";\n`)).toEqual([]);
    // In a diff's lines, the line a directive covers may not be shown: no verdict there.
    expect(defaultDetector.detect({ origin: { path: 'a.ts' }, text: '// keyward-ignore-next-line', lineNumbers: [4] })).toEqual([]);
  });

  it('skips allowlisted values and patterns from the config, and rules switched off or re-graded', async () => {
    const secret = key.smartpayLive();
    expect(detectIn(`k = "${secret}"`, 'a.ts', await detectorWith({ allowlist: { values: [secret] } }))).toEqual([]);
    expect(detectIn(`k = "${secret}"`, 'a.ts', await detectorWith({ allowlist: { patterns: ['^sk_live_'] } }))).toEqual([]);
    expect(detectIn(`k = "${secret}"`, 'a.ts', await detectorWith({ rules: { 'smartpay-live-secret-key': 'off' } }))).toEqual([]);
    const [regraded] = detectIn(`k = "${secret}"`, 'a.ts', await detectorWith({ rules: { 'smartpay-live-secret-key': 'info' } }));
    expect(regraded!.severity).toBe('info');
  });

  /** A user's rule, as a config file gives it. */
  const acmeToken = { id: 'acme-token', title: 'Acme token', severity: 'error', keywords: ['acme_'], regex: '(?P<secret>acme_[a-z0-9]{20})' };

  it('runs custom rules from the config in the same format', async () => {
    const detector = await detectorWith({ customRules: [acmeToken] });
    const findings = detectIn('token: acme_0a1b2c3d4e5f6a7b8c9d', 'x.yml', detector);
    expect(findings.map((f) => f.ruleId)).toEqual(['acme-token']);
    expect(findings[0]!.preview).toBe('acme_…8c9d');
  });

  it('quiets a rule in a file that holds one of its markers, as spelt, ASCII or not; a marker alone reads no diff line', async () => {
    const detector = await detectorWith({ customRules: [{ ...acmeToken, quietInFilesWith: ['kind: AcmeVault', 'chiffré:'] }] });
    const token = 'acme_0a1b2c3d4e5f6a7b8c9d';
    const found = (text: string) => detectIn(text, 'x.yml', detector).map((f) => f.ruleId);
    expect(found(`kind: AcmeVault\ntoken: ${token}`)).toEqual([]);
    expect(found(`token: ${token}\n# chiffré: oui`)).toEqual([]);
    // Markers are matched as spelt, though the keyword pass that finds them ignores case.
    expect(found(`KIND: ACMEVAULT\ntoken: ${token}`)).toEqual(['acme-token']);
    expect(found(`token: ${token}\n# CHIFFRÉ: oui`)).toEqual(['acme-token']);
    expect(detector.keywordHits('kind: AcmeVault\nnothing else\n').filter((hit) => !hit.passive)).toEqual([]);
    expect(detector.keywordHits(`kind: AcmeVault\n${token}`).filter((hit) => !hit.passive).length).toBe(1);
  });

  it('finds a key in a 50 MB single-line minified file, near its end', () => {
    const secret = key.smartpayLive();
    const filler = 'var a=function(b){return b*2},c="apiKey"+d;'.repeat(1_200_000);
    const findings = detectIn(`${filler}var k="${secret}";${filler.slice(0, 1000)}`, 'dist/app.min.js');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location.line).toBe(1);
    expect(findings[0]!.snippet.length).toBeLessThan(300);
  });

  it('finds nothing in text with no rule keyword', () => {
    expect(detectIn('export const add = (a: number, b: number) => a + b;\n'.repeat(1000))).toEqual([]);
  });
});
