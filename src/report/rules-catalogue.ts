import type { Policy } from '../context/policies.js';
import type { LoadedPack } from '../engine/load-rules.js';

/** A table cell: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

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
    'Switch any of them off or re-grade it in `.keyward.yml` (`rules: { <id>: off | error | warning | info }`), or pick',
    'them for one run with `--rules` and `--exclude-rules`.',
    '',
  ];
  for (const pack of packs) {
    const reporting = pack.rules.filter((rule) => rule.report);
    if (reporting.length === 0) continue;
    lines.push(`## ${pack.vendor ?? pack.file} (\`${pack.file}\`)`, '');
    lines.push('| id | severity | vendor | what it finds | checks |', '|---|---|---|---|---|');
    for (const rule of reporting) {
      const checks = [
        rule.validate ? `checksum (${rule.validate})` : '',
        rule.entropy !== undefined ? `entropy ≥ ${rule.entropy}` : '',
        rule.requireDigit ? 'a digit' : '',
        rule.absorbs.length ? `pairs with ${rule.absorbs.join(', ')}` : '',
      ].filter(Boolean);
      lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.vendor ?? '')} | ${cell(rule.description || rule.title)} | ${checks.join('; ')} |`);
    }
    lines.push('');
  }
  lines.push('## Context rules (`src/context/policies.ts`)', '', '| id | severity | what it finds |', '|---|---|---|');
  for (const policy of policies) lines.push(`| \`${policy.id}\` | ${policy.severity} | ${cell(policy.description)} |`);
  return `${lines.join('\n')}\n`;
}
