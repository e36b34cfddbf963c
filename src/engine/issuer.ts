import type { RuleDefinition } from './rule-schema.js';

/** How a finding names its key: the vendor, the title, the env var to read it from, and the advice. */
export interface Naming {
  vendor?: string;
  title: string;
  envVar?: string;
  remediation: string;
}

/**
 * Who issued a key whose shape several vendors share (sk_live_… is Smartpay's, Stripe's and other APIs'): the one
 * vendor the file gives evidence for (an import, a hostname, an env var name), so that a Stripe user is not told to
 * roll the key in Smartpay's dashboard. With no evidence, or evidence for several, every candidate is named and the
 * advice is the one that fits them all. `fileText` is asked for only when the rule has issuers.
 */
export function namingOf(definition: RuleDefinition, fileText: () => string): Naming {
  const own: Naming = {
    ...(definition.vendor ? { vendor: definition.vendor } : {}),
    title: definition.title,
    ...(definition.envVar ? { envVar: definition.envVar } : {}),
    remediation: definition.remediation,
  };
  if (!definition.issuers) return own;
  const text = fileText();
  const evidenced = definition.issuers.filter((issuer) => issuer.evidence.some((word) => text.includes(word)));
  if (evidenced.length === 1) {
    const [issuer] = evidenced;
    return { vendor: issuer!.vendor, title: issuer!.title, ...(issuer!.envVar ? { envVar: issuer!.envVar } : {}), remediation: issuer!.remediation };
  }
  const any = definition.anyIssuer ?? { title: definition.title, remediation: definition.remediation };
  return {
    // Evidence for several names those several; no evidence names every issuer.
    vendor: (evidenced.length > 1 ? evidenced : definition.issuers).map((issuer) => issuer.vendor).join(' or '),
    title: any.title,
    ...(any.envVar ? { envVar: any.envVar } : {}),
    remediation: any.remediation,
  };
}
