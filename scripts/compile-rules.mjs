// Build step: validates rules/*.yml and writes dist/rules.json, which the CLI reads at start-up instead of
// parsing YAML and validating it on every run. A rule file that fails validation fails the build.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../dist/src/package-root.js';
import { loadPacksFromYaml } from '../dist/src/engine/load-rule-yaml.js';
import { COMPILED_RULES } from '../dist/src/engine/load-rules.js';

const packs = loadPacksFromYaml();
// Path globs as regexes (what picomatch makes of them), so that a run need not load picomatch: see compile-rule.ts.
const picomatch = createRequire(import.meta.url)('picomatch');
const asRegexes = (globs) =>
  globs?.map((glob) => {
    const { source, flags } = picomatch.makeRe(glob, { dot: true });
    return { source, flags };
  });
for (const rule of packs.flatMap((pack) => pack.rules)) {
  if (rule.paths || rule.excludePaths) rule.compiledPaths = { include: asRegexes(rule.paths), exclude: asRegexes(rule.excludePaths) };
}
writeFileSync(join(packageRoot(), COMPILED_RULES), JSON.stringify(packs));
console.log(`compiled ${packs.reduce((n, p) => n + p.rules.length, 0)} rules from ${packs.length} packs into ${COMPILED_RULES}`);

// The keyword automaton of the default rule set, so that a cold start (the pre-commit hook) need not build it.
const { createDetector } = await import('../dist/src/scan/create-detector.js');
const { defaultConfig } = await import('../dist/src/config/defaults.js');
const { encodeAutomaton } = await import('../dist/src/engine/automaton-file.js');
const { AhoCorasick } = await import('../dist/src/engine/aho-corasick.js');
const { COMPILED_AUTOMATON } = await import('../dist/src/engine/load-rules.js');
const detector = await createDetector(defaultConfig());
// The detector's own keyword order (lower-cased, first occurrences), and a fresh build: never a stale copy's tables.
const keywords = [...detector.keywords];
writeFileSync(join(packageRoot(), COMPILED_AUTOMATON), encodeAutomaton(keywords, new AhoCorasick(keywords).tables));
console.log(`compiled the automaton of ${keywords.length} keywords into ${COMPILED_AUTOMATON}`);
