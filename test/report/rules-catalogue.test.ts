import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/context/policies.js';
import { loadPacksFromYaml } from '../../src/engine/load-rule-yaml.js';
import { packageRoot } from '../../src/package-root.js';
import { rulesCatalogue } from '../../src/report/rules-catalogue.js';

describe('docs/rules.md', () => {
  it('is current with the rule data (npm run rules:docs regenerates it)', () => {
    const committed = readFileSync(join(packageRoot(), 'docs/rules.md'), 'utf8');
    expect(committed === rulesCatalogue(loadPacksFromYaml(), POLICIES)).toBe(true);
  });

  it('lists every reporting rule once, and at least 80 vendors and families', () => {
    const packs = loadPacksFromYaml();
    const doc = rulesCatalogue(packs, POLICIES);
    for (const rule of packs.flatMap((p) => p.rules).filter((r) => r.report)) {
      expect(doc.split(`| \`${rule.id}\` |`).length - 1, rule.id).toBe(1);
    }
    const vendors = new Set(packs.flatMap((p) => p.rules.filter((r) => r.report).map((r) => r.vendor ?? p.vendor)));
    expect(vendors.size).toBeGreaterThanOrEqual(80);
  });
});
