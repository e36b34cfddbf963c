import type { Node } from 'estree';
import { calleeName, keyName, propertyNamed, urlText } from '../ast.js';
import { scanFile, suppressedAt } from '../file-findings.js';
import { engineFindingsRule } from './engine-findings-rule.js';
import { HTTPS_RULE_IDS } from './partition.js';

const INSECURE = /^http:\/\/(?!localhost\b|127\.|0\.0\.0\.0|\[::1\])/i;
const KEY_HEADER = /^(?:x-api-key|authorization|api-key|apikey)$/i;
const REQUEST_CALLEES = /^(?:fetch|axios|axios\.(?:get|post|put|patch|delete|request)|got|got\.(?:get|post|put|patch|delete)|ky|ky\.(?:get|post|put|patch|delete)|request|undici\.(?:request|fetch))$/;

/**
 * A key sent to an http:// API: the engine's same-line finding, and calls whose URL and key header stand on
 * different lines (`fetch('http://…', { headers: { 'x-api-key': key } })`).
 */
export const requireHttps = engineFindingsRule(
  'require-https',
  'Require https:// for API requests that carry a key',
  { insecure: '{{title}} ({{preview}}). {{remediation}}', insecureCall: 'This request sends a key over plain HTTP: use https:// (the APIs refuse http, and the key crosses the network in clear).' },
  (finding) => (HTTPS_RULE_IDS.has(finding.ruleId) ? 'insecure' : undefined),
  (context) => ({
    CallExpression(node) {
      const callee = calleeName(node.callee as Node);
      if (!callee || !REQUEST_CALLEES.test(callee) || scanFile(context).ignored) return;
      const [first, second, third] = node.arguments as Node[];
      const url = urlText(first) ?? urlText(propertyNamed(first, 'url')?.value as Node | undefined);
      if (!url || !INSECURE.test(url)) return;
      const options = [first, second, third].filter((arg) => arg?.type === 'ObjectExpression');
      const carriesKey =
        /[?&]api_key=/i.test(url) ||
        options.some((opts) => {
          const headers = propertyNamed(opts, 'headers')?.value as Node | undefined;
          return headers?.type === 'ObjectExpression' && headers.properties.some((p) => p.type === 'Property' && KEY_HEADER.test(keyName(p.key) ?? ''));
        });
      const line = first?.loc?.start.line ?? 0;
      if (!carriesKey || !first || suppressedAt(context, line, 'require-https')) return;
      // The engine already reported a same-line URL and key; this catches the split ones.
      if (context.sourceCode.lines[line - 1]?.match(/x-api-key|authorization|api_key=/i)) return;
      context.report({ node: first, messageId: 'insecureCall' });
    },
  }),
);
