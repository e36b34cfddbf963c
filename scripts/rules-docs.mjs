// Writes docs/rules.md from the rule data (rules/*.yml and the context policies). test/report/rules-catalogue.test.ts
// fails when the committed file is stale: run `npm run rules:docs` after changing a rule.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES } from '../dist/src/context/policies.js';
import { loadPacksFromYaml } from '../dist/src/engine/load-rule-yaml.js';
import { packageRoot } from '../dist/src/package-root.js';
import { rulesCatalogue } from '../dist/src/report/rules-catalogue.js';

writeFileSync(join(packageRoot(), 'docs/rules.md'), rulesCatalogue(loadPacksFromYaml(), POLICIES));
console.log('wrote docs/rules.md');
