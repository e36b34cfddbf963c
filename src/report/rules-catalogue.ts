import type { Policy } from '../context/policies.js';
import type { LoadedPack } from '../engine/load-rules.js';

/** A table cell: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

type RuleData = LoadedPack['rules'][number];

/**
 * How a rule tells a key from a look-alike: a checksum the format carries; the format's structure (a prefix, an
 * alphabet, a length, a decoded shape); or only the randomness of a value and the name it is assigned to. Rules about
 * how a key is handled, and key stores judged by file name, are neither.
 */
export function verificationOf(rule: RuleData): 'checksum' | 'structure' | 'entropy and name' | 'handling' | 'file name' {
  if (rule.fileName) return 'file name';
  if (rule.validate === 'github-checksum' || rule.validate === 'cloudflare-checksum') return 'checksum';
  if (!rule.valueChecks) return 'handling';
  if (rule.entropy !== undefined && rule.validate === undefined) return 'entropy and name';
  return 'structure';
}

/** Which vendors a rule can ask whether a key works (`--verify`), and which revokes keys (`keyward revoke`). */
export function vendorChecksOf(rule: Pick<RuleData, 'verify' | 'revoke' | 'issuers'>): { verify: string[]; revoke?: string } {
  const verify = rule.verify ? [rule.verify.provider] : (rule.issuers ?? []).flatMap((issuer) => (issuer.verify ? [issuer.verify.provider] : []));
  return { verify, ...(rule.revoke ? { revoke: rule.revoke.provider } : {}) };
}

/** `verify (github); revoke`: the vendor checks of a rule in words, empty when it has none. */
export function vendorChecksText({ verify, revoke }: { verify: readonly string[]; revoke?: string }): string {
  return [verify.length ? `verify (${verify.join(', ')})` : '', revoke ? 'revoke' : ''].filter(Boolean).join(', ');
}

/**
 * docs/rules.md, made from the rule data itself (npm run rules:docs writes it; a test fails when it is stale):
 * every rule of every pack, and the context rules.
 */
export function rulesCatalogue(packs: readonly LoadedPack[], policies: readonly Policy[]): string {
  const rules = packs.flatMap((pack) => pack.rules.filter((rule) => rule.report).map((rule) => ({ pack, rule })));
  const vendors = new Set(rules.map(({ rule, pack }) => rule.vendor ?? pack.vendor));
  const lines = [
    '# keyward rules',
    '',
    '<!-- Generated from rules/*.yml and src/context/policies.ts by `npm run rules:docs`: do not edit. -->',
    '',
    `${rules.length} pattern rules for ${vendors.size} vendors and families, and ${policies.length} context rules.`,
    `Verified by ${verificationSummary(rules.map(({ rule }) => rule))}.`,
    `${rules.filter(({ rule }) => vendorChecksOf(rule).verify.length).length} rules can ask the vendor whether a key still works (\`--verify\`), and`,
    `${rules.filter(({ rule }) => rule.revoke).length} can revoke it there (\`keyward revoke\`): the "vendor" column says which.`,
    'Switch any of them off or re-grade it in `.keyward.yml` (`rules: { <id>: off | error | warning | info }`), or pick',
    'them for one run with `--rules` and `--exclude-rules`.',
    '',
  ];
  for (const pack of packs) {
    const reporting = pack.rules.filter((rule) => rule.report);
    if (reporting.length === 0) continue;
    lines.push(`## ${pack.vendor ?? pack.file} (\`${pack.file}\`)`, '');
    lines.push('| id | severity | vendor | what it finds | checks | vendor |', '|---|---|---|---|---|---|');
    for (const rule of reporting) {
      const checks = [
        verificationOf(rule),
        rule.validate ? `checksum (${rule.validate})` : '',
        rule.entropy !== undefined ? `entropy ≥ ${rule.entropy}` : '',
        rule.requireDigit ? 'a digit' : '',
        rule.absorbs.length ? `pairs with ${rule.absorbs.join(', ')}` : '',
      ].filter(Boolean);
      lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.vendor ?? '')} | ${cell(rule.description || rule.title)} | ${checks.join('; ')} | ${vendorChecksText(vendorChecksOf(rule))} |`);
    }
    lines.push('');
  }
  lines.push('## Context rules (`src/context/policies.ts`)', '', '| id | severity | what it finds |', '|---|---|---|');
  for (const policy of policies) lines.push(`| \`${policy.id}\` | ${policy.severity} | ${cell(policy.description)} |`);
  return `${lines.join('\n')}\n`;
}

/** "3 by checksum, 70 by structure…": how many rules verify keys each way. */
function verificationSummary(rules: readonly RuleData[]): string {
  const counts = new Map<string, number>();
  for (const rule of rules) {
    const way = verificationOf(rule);
    counts.set(way, (counts.get(way) ?? 0) + 1);
  }
  const order = ['checksum', 'structure', 'entropy and name', 'handling', 'file name'];
  return order.filter((way) => counts.has(way)).map((way) => `${way}: ${counts.get(way)}`).join(', ');
}
