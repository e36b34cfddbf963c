import type { Rule } from 'eslint';

export const DOCS_BASE = 'https://github.com/keyward/keyward/blob/main/docs/rules';

/**
 * Every rule of the plugin is made here, typescript-eslint's way: one place sets the docs URL from the rule's
 * name, so that each rule has its page under docs/rules/.
 */
export function createRule(
  name: string,
  meta: Omit<Rule.RuleMetaData, 'docs'> & { docs: { description: string; recommended: boolean } },
  create: Rule.RuleModule['create'],
): Rule.RuleModule {
  return { meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE}/${name}.md` } }, create };
}
