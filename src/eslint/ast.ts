import type { Node } from 'estree';

type AnyNode = Node & { parent?: AnyNode };

/** The value of a string that is static: a literal, a template whose parts are all static, or a `+` of such. */
export function staticString(node: Node): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral') {
    let text = node.quasis[0]?.value.cooked ?? '';
    for (let i = 0; i < node.expressions.length; i++) {
      const part = staticString(node.expressions[i] as Node);
      if (part === undefined) return undefined;
      text += part + (node.quasis[i + 1]?.value.cooked ?? '');
    }
    return text;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = staticString(node.left as Node);
    const right = left === undefined ? undefined : staticString(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** The name a value is given: `const apiKey = …`, `{ apiKey: … }`, `config.apiKey = …`, `<X apiKey=… />`. */
export function nameOf(node: AnyNode): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'Property') return keyName(parent.key);
  if (parent.type === 'AssignmentExpression') {
    const left = parent.left;
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression') return keyName(left.property);
  }
  const jsx = parent as unknown as { type: string; name?: { name?: unknown } };
  if (jsx.type === 'JSXAttribute' && typeof jsx.name?.name === 'string') return jsx.name.name;
  if (jsx.type === 'JSXExpressionContainer') return nameOf(parent);
  return undefined;
}

export function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** The property of an object literal with this name (case-insensitive), if any. */
export function propertyNamed(object: Node | undefined, name: string): (Node & { type: 'Property' }) | undefined {
  if (object?.type !== 'ObjectExpression') return undefined;
  const wanted = name.toLowerCase();
  for (const property of object.properties) {
    if (property.type === 'Property' && keyName(property.key)?.toLowerCase() === wanted) return property;
  }
  return undefined;
}

/** `a.b.c` as text, for callees such as `axios.post` or `console.log`; undefined for anything computed. */
export function calleeName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed) {
    const object = calleeName(node.object as Node);
    return object && node.property.type === 'Identifier' ? `${object}.${node.property.name}` : undefined;
  }
  return undefined;
}

/** Names that hold keys: apiKey, API_KEY, secretKey, accessToken, client_secret, password… */
const SECRET_NAME = /(?:api[_-]?key|apikey|secret|passw(?:or)?d|private[_-]?key|access[_-]?token|auth[_-]?token|bearer|credential|^token$|_token$|Token$)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !/^(?:is|has|should|use|show|hide)[A-Z_]/.test(name);
}

/** The URL a request names when it is written out: a literal, or a template's first static part. */
export function urlText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? undefined;
  return staticString(node);
}
