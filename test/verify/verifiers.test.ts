import { describe, expect, it } from 'vitest';
import { keyFactsOf } from '../../src/engine/detector.js';
import type { Finding } from '../../src/engine/types.js';
import { planChecks } from '../../src/verify/check-plan.js';
import { VerifyCache } from '../../src/verify/verify-cache.js';
import { verifyFindings } from '../../src/verify/verify-findings.js';
import type { VerifySpec } from '../../src/verify/verify-schema.js';
import { defaultDetector, detectIn } from '../helpers/detector.js';
import { expandTemplate, randomAlnum } from '../helpers/keys.js';
import { startVendorServer, type Misbehaviour } from '../helpers/vendor-server.js';
import { awsSecrets, STAND_INS } from '../helpers/vendor-stand-ins.js';

const rules = defaultDetector.rules;

/** Every check the built-in rules can make: a rule's own `verify:`, or one issuer's. */
interface VerifierCase {
  name: string;
  ruleId: string;
  spec: VerifySpec;
  /** A text holding a fresh key the check would send (a new key on every call). */
  text: () => { text: string; path: string };
}

function cases(): VerifierCase[] {
  const out: VerifierCase[] = [];
  for (const rule of rules) {
    const definition = rule.definition;
    if (definition.verify) {
      out.push({
        name: rule.id,
        ruleId: rule.id,
        spec: definition.verify,
        text: () => sendableExample(rule.id, definition.examples.leaks),
      });
    }
    for (const issuer of definition.issuers ?? []) {
      if (!issuer.verify) continue;
      // The issuer's own evidence beside a key of the rule's prefix: the file names this vendor alone.
      out.push({
        name: `${rule.id} (${issuer.vendor})`,
        ruleId: rule.id,
        spec: issuer.verify,
        text: () => ({ text: `// ${issuer.evidence[0]}\nconst secretKey = "${definition.keywords[0]}${randomAlnum(28)}";\n`, path: 'server/pay.js' }),
      });
    }
  }
  return out;
}

/** The first leak example of a rule that yields a key its check would send; a rule with none fails its test. */
function sendableExample(ruleId: string, leaks: ReadonlyArray<string | { path: string; text: string }>): { text: string; path: string } {
  for (const example of leaks) {
    const { text, path } = typeof example === 'string' ? { text: example, path: 'src/app.ts' } : example;
    const filled = expandTemplate(text);
    const found = detectIn(filled, path).filter((f) => keyFactsOf(f)?.ruleId === ruleId);
    if (found.length === 1 && planChecks(found, rules, false).checks.length === 1) return { text: filled, path };
  }
  throw new Error(`no leak example of ${ruleId} holds a key its verify block would send`);
}

function findingOf(c: VerifierCase): Finding {
  const { text, path } = c.text();
  const found = detectIn(text, path).filter((f) => keyFactsOf(f)?.ruleId === c.ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A key the stand-in accepts: for AWS, the pair is known and the signature checked. */
function acceptedKey(finding: Finding): string {
  const facts = keyFactsOf(finding)!;
  if (facts.pair) awsSecrets.set(facts.pair, facts.secret);
  return facts.secret;
}

function verifyAt(findings: Finding[], origin: string, timeoutMs = 2000) {
  return verifyFindings(findings, rules, {
    origins: new Map([['*', origin]]),
    timeoutMs,
    cache: VerifyCache.open('/nonexistent', 0),
    userAgent: 'keyward-test',
    allowCustomRules: false,
    concurrencyPerProvider: 8,
    maxRetryAfterMs: 50,
  });
}

const ALL = cases();

describe('every verifier, against a stand-in of its vendor on 127.0.0.1', () => {
  it('covers the seed vendors and at least 30 well-known providers, each with a stand-in written from its docs', () => {
    const providers = new Set(ALL.map((c) => c.spec.provider));
    for (const seed of ['smartpay', 'accelebit', 'smartretry', 'smartlead', 'example-api']) expect(providers).toContain(seed);
    expect(providers.size - 5).toBeGreaterThanOrEqual(30);
    expect([...providers].filter((p) => !STAND_INS[p])).toEqual([]);
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s: an active key is active, a made-up key of the same shape is inactive, and only a read is sent', async (_name, c) => {
    const standIn = STAND_INS[c.spec.provider]!;
    const server = await startVendorServer(standIn);
    const live = findingOf(c);
    server.activate(acceptedKey(live));
    const madeUp = findingOf(c);

    await verifyAt([live], server.origin);
    expect(live.validity).toBe('active');
    expect(live.severity).toBe('error');
    await verifyAt([madeUp], server.origin);
    expect(madeUp.validity).toBe('inactive');

    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.method).toBe(standIn.method);
      if (request.method === 'POST') expect(c.spec.request.readOnly).toBeTruthy();
      else expect(['GET', 'HEAD']).toContain(request.method);
    }
  });
});

describe('answers that settle nothing are unknown, for every verifier at once', () => {
  const misbehaviours: Array<[string, Misbehaviour]> = [
    ['a 429 with a long Retry-After', { status: 429, headers: { 'retry-after': '3600' } }],
    ['a 429 without Retry-After', { status: 429 }],
    ['a 503', { status: 503 }],
    ['a 500', { status: 500 }],
    ['a 408', { status: 408 }],
  ];
  it.each(misbehaviours)('%s', async (_what, misbehave) => {
    const server = await startVendorServer(undefined, { misbehave });
    const findings = ALL.map(findingOf);
    const summary = await verifyAt(findings, server.origin);
    expect(findings.map((f) => f.validity)).toEqual(findings.map(() => 'unknown'));
    expect(summary.counts.unknown).toBe(ALL.length);
  });

  it('a server that never answers: unknown once the timeout passes', async () => {
    const server = await startVendorServer(undefined, { misbehave: 'hang' });
    const findings = ALL.map(findingOf);
    const started = Date.now();
    await verifyAt(findings, server.origin, 300);
    expect(findings.every((f) => f.validity === 'unknown')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests.length).toBe(ALL.length);
  });

  it('a redirect to another host is not followed: the key never reaches it, and the answer is unknown', async () => {
    const elsewhere = await startVendorServer(undefined, { host: '127.0.0.2' });
    const server = await startVendorServer(undefined, { misbehave: { status: 302, headers: { location: `${elsewhere.origin}/steal` } } });
    const findings = ALL.map(findingOf);
    await verifyAt(findings, server.origin);
    expect(findings.every((f) => f.validity === 'unknown')).toBe(true);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('a 429 with a short Retry-After is asked once more, after the wait', async () => {
    const c = ALL.find((x) => x.spec.provider === 'github')!;
    let calls = 0;
    const standIn = STAND_INS.github!;
    const server = await startVendorServer({
      ...standIn,
      // The first request is rate-limited; the stand-in answers the second.
      key: (request) => (++calls === 1 ? 'rate-limited' : standIn.key(request)),
      inactive: { status: 429, body: '{}', headers: { 'retry-after': '0' } },
    });
    const live = findingOf(c);
    server.activate(acceptedKey(live));
    const summary = await verifyAt([live], server.origin);
    expect(server.requests).toHaveLength(2);
    expect(summary.requests).toBe(2);
    expect(live.validity).toBe('active');
  });
});
