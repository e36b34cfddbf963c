import type { Scope } from 'eslint';
import type { Node } from 'estree';
import { calleeName, isSecretName, keyName } from '../ast.js';
import { createRule } from '../create-rule.js';
import { scanFile, suppressedAt } from '../file-findings.js';

const LOGGER = /^(?:console|logger|log|pino|winston|bunyan|this\.logger|this\.log)\.(?:log|info|warn|error|debug|trace|fatal|verbose|silly)$/;
const SECRET_ENV = /(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIALS?)$/;
const REDACTING = /(?:mask|redact|hash|preview|fingerprint|last4|lastFour|truncate|obfuscate)/i;

/**
 * Whether a variable holds a secret by where it comes from, whatever its name: `const key = "sk_live_…"` (a line the
 * engine flagged) or `const key = process.env.ACCELEBIT_SECRET_KEY`.
 */
type HoldsSecret = (identifier: Node & { type: 'Identifier' }) => boolean;

/** The part of a log argument that holds a secret: a key-named variable, a secret env var, an object holding one. */
function secretIn(node: Node | null | undefined, holdsSecret: HoldsSecret): Node | undefined {
  if (!node) return undefined;
  const recurse = (child: Node | null | undefined) => secretIn(child, holdsSecret);
  switch (node.type) {
    case 'Identifier':
      return isSecretName(node.name) || holdsSecret(node) ? node : undefined;
    case 'MemberExpression': {
      const object = calleeName(node.object as Node);
      const property = node.computed ? keyName(node.property as Node) : node.property.type === 'Identifier' ? node.property.name : undefined;
      if (!property) return undefined;
      if (object === 'process.env' || object === 'import.meta.env') return SECRET_ENV.test(property) ? node : undefined;
      return isSecretName(property) ? node : undefined;
    }
    case 'ObjectExpression':
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') {
          const found = recurse(property.argument);
          if (found) return found;
          continue;
        }
        const name = keyName(property.key);
        if (name && isSecretName(name) && property.value.type !== 'Literal') return property;
        const found = recurse(property.value as Node);
        if (found) return found;
      }
      return undefined;
    case 'TemplateLiteral':
      return node.expressions.map((e) => recurse(e as Node)).find(Boolean);
    case 'BinaryExpression':
      return recurse(node.left as Node) ?? recurse(node.right);
    case 'CallExpression': {
      // JSON.stringify(config) and String(apiKey) still log the key; mask(apiKey) and hash(apiKey) do not.
      const callee = calleeName(node.callee as Node) ?? '';
      if (REDACTING.test(callee)) return undefined;
      return node.arguments.map((a) => recurse(a as Node)).find(Boolean);
    }
    default:
      return undefined;
  }
}

export const noSecretInLogs = createRule(
  'no-secret-in-logs',
  {
    type: 'problem',
    docs: { description: 'Disallow logging API keys and secrets', recommended: true },
    messages: {
      logged:
        'This log line includes a secret ({{what}}): logs are kept, shipped and read by many. Log a redacted form (the last four characters) or nothing.',
    },
    schema: [],
  },
  (context) => {
    let flagged: Set<number> | undefined;
    const flaggedLines = () => (flagged ??= new Set(scanFile(context).findings.map((f) => f.location.line)));
    const holdsSecret: HoldsSecret = (identifier) => {
      for (let scope: Scope.Scope | null = context.sourceCode.getScope(identifier); scope; scope = scope.upper) {
        const variable = scope.set.get(identifier.name);
        if (!variable) continue;
        const init = (variable.defs[0]?.node as { init?: Node | null } | undefined)?.init;
        if (!init) return false;
        if (init.type === 'MemberExpression') return secretIn(init, () => false) !== undefined;
        return (init.type === 'Literal' || init.type === 'TemplateLiteral') && flaggedLines().has(init.loc!.start.line);
      }
      return false;
    };
    return {
      CallExpression(node) {
        const callee = calleeName(node.callee as Node);
        if (!callee || !LOGGER.test(callee) || scanFile(context).ignored) return;
        for (const argument of node.arguments) {
          const found = secretIn(argument as Node, holdsSecret);
          if (!found || suppressedAt(context, found.loc!.start.line, 'no-secret-in-logs')) continue;
          context.report({ node: found, messageId: 'logged', data: { what: context.sourceCode.getText(found).slice(0, 60) } });
        }
      },
    };
  },
);
