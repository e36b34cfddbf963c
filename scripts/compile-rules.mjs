// Build step: validates rules/*.yml and writes dist/rules.json, which the CLI reads at start-up instead of
// parsing YAML and validating it on every run. A rule file that fails validation fails the build.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../dist/src/package-root.js';
import { loadPacksFromYaml } from '../dist/src/engine/load-rule-yaml.js';
import { COMPILED_RULES } from '../dist/src/engine/load-rules.js';

const packs = loadPacksFromYaml();
writeFileSync(join(packageRoot(), COMPILED_RULES), JSON.stringify(packs));
console.log(`compiled ${packs.reduce((n, p) => n + p.rules.length, 0)} rules from ${packs.length} packs into ${COMPILED_RULES}`);
