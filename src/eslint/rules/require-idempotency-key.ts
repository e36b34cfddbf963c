import type { Rule } from 'eslint';
import type { CallExpression, Node, ObjectExpression } from 'estree';
import { calleeName, propertyNamed, staticString, urlText } from '../ast.js';
import { createRule } from '../create-rule.js';
import { scanFile, suppressedAt } from '../file-findings.js';

/** Accelebit's API, where every POST needs an Idempotency-Key (vendor docs: a retried payment must not charge twice). */
const ACCELEBIT = /^https?:\/\/[^/]*accelebit\.com/i;

interface PostCall {
  url: Node;
  /** The options object that carries (or should carry) the headers, if the call has one. */
  options?: ObjectExpression;
  /** Where to add an options argument when there is none. */
  appendAfter?: Node;
}

function isPost(options: Node | undefined): boolean {
  const method = propertyNamed(options, 'method')?.value as Node | undefined;
  return method !== undefined && staticString(method)?.toUpperCase() === 'POST';
}

const asObject = (node: Node | undefined) => (node?.type === 'ObjectExpression' ? node : undefined);

/** The POST requests of fetch, undici, axios, got and ky, whatever their call shape. */
function postCall(node: CallExpression): PostCall | undefined {
  const callee = calleeName(node.callee as Node);
  const [a, b, c] = node.arguments as Node[];
  if (!callee || !a) return undefined;
  switch (callee) {
    case 'fetch':
    case 'request':
    case 'undici.fetch':
    case 'undici.request':
    case 'got':
    case 'ky':
      return isPost(b) ? { url: a, options: asObject(b) } : undefined;
    case 'axios':
    case 'axios.request':
      if (a.type === 'ObjectExpression') return isPost(a) ? { url: (propertyNamed(a, 'url')?.value as Node) ?? a, options: a } : undefined;
      return isPost(b) ? { url: a, options: asObject(b) } : undefined;
    case 'axios.post':
      return { url: a, options: asObject(c), appendAfter: b ?? a };
    case 'got.post':
    case 'ky.post':
      return { url: a, options: asObject(b), appendAfter: a };
    default:
      return undefined;
  }
}

const HEADER = "'Idempotency-Key': crypto.randomUUID()";

export const requireIdempotencyKey = createRule(
  'require-idempotency-key',
  {
    type: 'problem',
    docs: { description: 'Require an Idempotency-Key header on POST requests to the Accelebit API', recommended: true },
    hasSuggestions: true,
    messages: {
      missing: 'Accelebit requires an Idempotency-Key header on every POST, so that a retried payment is not charged twice: use a UUID per request.',
      addKey: 'Add an Idempotency-Key header (crypto.randomUUID())',
    },
    schema: [],
  },
  (context) => {
    const suggestion = (call: PostCall): Rule.SuggestionReportDescriptor | undefined => {
      const headers = asObject(propertyNamed(call.options, 'headers')?.value as Node | undefined);
      if (headers) {
        return { messageId: 'addKey', fix: (fixer) => fixer.insertTextAfterRange([headers.range![0], headers.range![0] + 1], ` ${HEADER},`) };
      }
      if (call.options) {
        const options = call.options;
        return { messageId: 'addKey', fix: (fixer) => fixer.insertTextAfterRange([options.range![0], options.range![0] + 1], ` headers: { ${HEADER} },`) };
      }
      if (call.appendAfter) {
        const after = call.appendAfter;
        return { messageId: 'addKey', fix: (fixer) => fixer.insertTextAfter(after as never, `, { headers: { ${HEADER} } }`) };
      }
      return undefined;
    };
    return {
      CallExpression(node) {
        const call = postCall(node);
        if (!call || !ACCELEBIT.test(urlText(call.url) ?? '') || scanFile(context).ignored) return;
        const headers = propertyNamed(call.options, 'headers')?.value as Node | undefined;
        if (headers && headers.type !== 'ObjectExpression') return; // built elsewhere: cannot tell
        if (propertyNamed(headers, 'idempotency-key')) return;
        if (suppressedAt(context, node.loc!.start.line, 'require-idempotency-key')) return;
        const suggest = suggestion(call);
        context.report({ node, messageId: 'missing', suggest: suggest ? [suggest] : [] });
      },
    };
  },
);
