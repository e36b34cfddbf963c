import { describe, expect, it } from 'vitest';
import { planChecks } from '../../src/verify/check-plan.js';
import { defaultDetector, detectIn, detectorWith } from '../helpers/detector.js';
import { githubStyleToken, randomAlnum, randomHex } from '../helpers/keys.js';

const rules = defaultDetector.rules;

describe('which keys are sent, and how often', () => {
  it('a key found in several files is asked about once', () => {
    const token = githubStyleToken('ghp');
    const findings = [...detectIn(`const a = "${token}";`, 'a.js'), ...detectIn(`token: ${token}`, 'b.yml')];
    const plan = planChecks(findings, rules, false);
    expect(plan.checks).toHaveLength(1);
    expect(plan.checks[0]!.findings).toHaveLength(2);
  });

  it('a shape several vendors issue goes to none when the file does not say whose it is', () => {
    const findings = detectIn(`const secretKey = "sk_live_${randomAlnum(28)}";`, 'server/pay.js');
    const plan = planChecks(findings, rules, false);
    expect(plan.checks).toEqual([]);
    expect(plan.notSent).toEqual(['1 finding(s) not verified: the file does not say which vendor issued the key']);
  });

  it('the vendor the evidence names gets it, and only that vendor', () => {
    const findings = detectIn(`import { Smartpay } from '@smartpay/node';\nconst secretKey = "sk_live_${randomAlnum(28)}";`, 'server/pay.js');
    expect(planChecks(findings, rules, false).checks.map((c) => c.spec.provider)).toEqual(['smartpay']);
  });

  it("an x-api-key header goes to SmartRetry only where the file names SmartRetry (another vendor's key would leak to it)", () => {
    const header = `headers: { 'x-api-key': '${randomAlnum(40)}1' },`;
    const elsewhere = planChecks(detectIn(`fetch('https://api.other.example/v2', {\n${header}\n});`), rules, false);
    expect(elsewhere.checks).toEqual([]);
    expect(elsewhere.notSent[0]).toMatch(/does not name SmartRetry/);
    const named = planChecks(detectIn(`fetch('https://api.smartretry.com/v1/payments', {\n${header}\n});`), rules, false);
    expect(named.checks.map((c) => c.spec.provider)).toEqual(['smartretry']);
  });

  it('a key two rules with different vendors claim is sent to neither', () => {
    const secret = randomAlnum(36);
    const found = [...detectIn(`SMARTRETRY_API_KEY=${secret}`, '.env'), ...detectIn(`SMARTLEAD_API_KEY=${secret}`, 'other/.env')];
    expect(found).toHaveLength(2);
    const plan = planChecks(found, rules, false);
    expect(plan.checks).toEqual([]);
    expect(plan.notSent.join('\n')).toMatch(/two rules with different vendors claim the key/);
  });

  it('kinds of key a provider offers no check for are not sent (a GitHub refresh token)', () => {
    const plan = planChecks(detectIn(`refresh = "ghr_${randomAlnum(36)}"`), rules, false);
    expect(plan.checks).toEqual([]);
  });

  it('an AWS secret key without its access key ID beside it is not sent', () => {
    const plan = planChecks(detectIn(`aws_secret_access_key = ${randomAlnum(40)}`, 'credentials'), rules, false);
    expect(plan.checks).toEqual([]);
    expect(plan.notSent.join('\n')).toMatch(/other half of the key pair/);
  });

  it("a custom rule's verify block is used only when the runner allows it", async () => {
    const detector = await detectorWith({
      customRules: [
        {
          id: 'internal-token',
          title: 'Internal token',
          severity: 'error',
          keywords: ['itk_'],
          regex: '(?<secret>itk_[a-f0-9]{32})',
          verify: { provider: 'internal', appliesTo: '^itk_[a-f]', request: { url: 'https://auth.internal.example/whoami', headers: { Authorization: 'Bearer {{secret}}' } }, active: { status: [200] }, inactive: { status: [401] } },
        },
      ],
    });
    const findings = detectIn(`token = "itk_a${randomHex(31)}"`, 'app.py', detector);
    expect(planChecks(findings, detector.rules, false).checks).toEqual([]);
    expect(planChecks(findings, detector.rules, false).notSent[0]).toMatch(/--verify-custom-rules/);
    expect(planChecks(findings, detector.rules, true).checks).toHaveLength(1);
    // Its appliesTo runs on the linear-time engine, like its regex; a key it excludes is not sent.
    expect(planChecks(detectIn(`token = "itk_0${randomHex(31)}"`, 'app.py', detector), detector.rules, true).checks).toEqual([]);
  });
});
