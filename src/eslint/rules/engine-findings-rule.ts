import type { Rule } from 'eslint';
import { createRule } from '../create-rule.js';
import type { Finding } from '../../engine/types.js';
import { locOf, scanFile } from '../file-findings.js';

/**
 * A plugin rule that reports the engine's findings of some rule ids, with a message per id: the CLI and the
 * editor then say the same thing about the same line.
 */
export function engineFindingsRule(
  name: string,
  description: string,
  messages: Record<string, string>,
  messageFor: (finding: Finding) => string | undefined,
  extra?: (context: Rule.RuleContext) => Rule.RuleListener,
): Rule.RuleModule {
  return createRule(name, { type: 'problem', docs: { description, recommended: true }, messages, schema: [] }, (context) => {
    // The engine runs inside a listener (not in create), so that ESLint's TIMING counts it against the rule.
    const listeners = extra?.(context) ?? {};
    return {
      Program() {
        for (const finding of scanFile(context).findings) {
          const messageId = messageFor(finding);
          if (!messageId) continue;
          context.report({
            loc: locOf(finding),
            messageId,
            data: { title: finding.title, preview: finding.preview, remediation: finding.remediation },
          });
        }
      },
      ...listeners,
    };
  });
}
