import type { Rule } from 'eslint';
import type { Node } from 'estree';
import { secretOf } from '../../engine/detector.js';
import type { Finding } from '../../engine/types.js';
import { nameOf, staticString } from '../ast.js';
import { createRule } from '../create-rule.js';
import { locOf, scanFile } from '../file-findings.js';
import { belongsToHardcodedSecret, reportedByItsKind } from './partition.js';

type AnyNode = Node & { parent?: AnyNode; range?: [number, number] };

/** A fix that reads the key from the vendor's env var, when the whole literal is the key. */
function suggestEnv(context: Rule.RuleContext, finding: Finding, node: AnyNode | undefined): Rule.SuggestionReportDescriptor[] {
  const secret = secretOf(finding);
  if (!node || !finding.envVar || !secret || staticString(node) !== secret) return [];
  const inJsxAttribute = (node.parent as { type?: string } | undefined)?.type === 'JSXAttribute';
  const replacement = inJsxAttribute ? `{process.env.${finding.envVar}}` : `process.env.${finding.envVar}`;
  return [{ messageId: 'useEnv', data: { envVar: finding.envVar }, fix: (fixer) => fixer.replaceText(node, replacement) }];
}


export const noHardcodedSecret = createRule(
  'no-hardcoded-secret',
  {
    type: 'problem',
    docs: { description: 'Disallow API keys and secrets written in the code', recommended: true },
    hasSuggestions: true,
    messages: {
      secret: '{{title}} ({{preview}}). {{remediation}}',
      useEnv: 'Read it from process.env.{{envVar}} instead',
    },
    schema: [],
  },
  (context) => {
    const reported = new Set<string>();
    const report = (finding: Finding, node?: AnyNode, folded = false) => {
      const key = `${finding.fingerprint}:${finding.location.line}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        // At the key itself, as the CLI reports it (a literal node starts one column earlier, at its quote); a key
        // folded from parts has no place of its own in the file, so its node is the place.
        ...(node && folded ? { node: node as Node } : { loc: locOf(finding) }),
        messageId: 'secret',
        data: { title: finding.title, preview: finding.preview, remediation: finding.remediation },
        suggest: suggestEnv(context, finding, node),
      });
    };

    /** A key split across `+` or a template with static parts only: fold it, and judge it with its name. */
    const checkFolded = (node: AnyNode) => {
      const scan = scanFile(context);
      if (scan.ignored) return;
      const value = staticString(node);
      if (value === undefined || value.length < 8) return;
      const name = nameOf(node) ?? 'value';
      const text = `${name} = "${value}"`;
      for (const finding of scan.detector.detect({ origin: { path: scan.path }, text })) {
        if (belongsToHardcodedSecret(finding.ruleId) && reportedByItsKind(finding)) report(finding, node, true);
      }
    };

    // The engine's findings, by where they start; string nodes met on the walk claim the finding they hold, so
    // that a suggestion can replace the literal (no second walk of the tree per finding).
    let pending: Array<{ finding: Finding; index: number; node?: AnyNode }> = [];
    const claim = (node: AnyNode) => {
      const [start, end] = node.range ?? [0, 0];
      for (const entry of pending) if (entry.index >= start && entry.index < end) entry.node = node;
    };

    return {
      Program() {
        pending = scanFile(context)
          .findings.filter((finding) => belongsToHardcodedSecret(finding.ruleId) && reportedByItsKind(finding))
          .map((finding) => ({ finding, index: context.sourceCode.getIndexFromLoc(locOf(finding).start) }));
      },
      Literal(node) {
        if (pending.length && typeof node.value === 'string') claim(node as AnyNode);
      },
      'Program:exit'() {
        for (const { finding, node } of pending) report(finding, node && staticString(node) === secretOf(finding) ? node : undefined);
      },
      BinaryExpression(node) {
        const parent = (node as AnyNode).parent;
        if (node.operator === '+' && !(parent?.type === 'BinaryExpression' && parent.operator === '+')) checkFolded(node as AnyNode);
      },
      TemplateLiteral(node) {
        if (pending.length) claim(node as AnyNode);
        if (node.expressions.length > 0) checkFolded(node as AnyNode);
      },
    };
  },
);
