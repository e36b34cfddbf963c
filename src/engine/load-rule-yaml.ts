import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../package-root.js';
import { regexSources } from './compile-rule.js';
import type { LoadedPack } from './load-rules.js';
import { clausesBeyondKeywords, requiredLiterals } from './required-literals.js';
import { rulePackSchema } from './rule-schema.js';
import { stopCharacters } from './stop-characters.js';

/**
 * Reads and validates every YAML file in the package's rules/ folder, in name order, and adds what each pattern's
 * matches must contain (see required-literals.ts) and the characters none of a rule's matches holds
 * (stop-characters.ts): the build writes them into dist/rules.json, so that a run never parses a regex for them.
 */
export function loadPacksFromYaml(): LoadedPack[] {
  const dir = join(packageRoot(), 'rules');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const file = `rules/${name}`;
      const parsed = rulePackSchema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      const rules = parsed.data.rules.map((rule) => {
        const sources = regexSources(rule);
        const clauses = sources.map((source) => clausesBeyondKeywords(requiredLiterals(source, rule.flags), rule.keywords, rule.flags));
        const stops = rule.multiline ? '' : stopCharacters(sources, rule.flags, rule.keywords);
        return { ...rule, requiredLiterals: clauses, ...(stops ? { stopCharacters: stops } : {}) };
      });
      return { ...parsed.data, rules, file };
    });
}
