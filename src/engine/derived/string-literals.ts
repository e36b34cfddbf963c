/**
 * A light lexer for string literals on one line of code, in the languages people split keys in (JS/TS, Python,
 * Java, Kotlin, Go, Ruby, PHP, C#, shell): enough to tell where each literal's content stands, not a parser.
 */

/** A string literal: where it opens and closes, and the stretches of its content (a template's `${'…'}` parts too). */
export interface StringLiteral {
  /** Offset of the opening quote. */
  start: number;
  /** Offset just after the closing quote. */
  end: number;
  quote: string;
  /** Content stretches [from, to) in the text, in order. */
  parts: Array<[number, number]>;
}

/** How a language writes comments, and how it joins literals. */
export interface LiteralSyntax {
  /** `#` starts a comment (Python, Ruby, shell, YAML, TOML…); otherwise `//`. */
  hashComments: boolean;
  /** Adjacent literals are one string without an operator (Python, Ruby, C). */
  implicitJoin: boolean;
  /** The concatenation operators: `+` everywhere, `.` in PHP and Perl. */
  operators: string;
}

const HASH_COMMENTS = /\.(?:py|pyw|ipynb|rb|sh|bash|zsh|ya?ml|toml|r|pl|pm|ex|exs|cr|nim|tf|hcl|ps1|dockerfile)$|(?:^|\/)(?:Dockerfile|Makefile|Gemfile|Rakefile)$/i;
const IMPLICIT_JOIN = /\.(?:py|pyw|ipynb|rb|c|h|cc|cpp|hpp|m|mm)$/i;
const DOT_JOIN = /\.(?:php|phtml|pl|pm)$/i;

export function literalSyntaxOf(path: string): LiteralSyntax {
  return {
    hashComments: HASH_COMMENTS.test(path),
    implicitJoin: joinsAdjacentLiterals(path),
    operators: DOT_JOIN.test(path) ? '+.' : '+',
  };
}

/** Whether the file's language joins adjacent literals without an operator (Python, Ruby, C). */
export function joinsAdjacentLiterals(path: string): boolean {
  return IMPLICIT_JOIN.test(path);
}

/**
 * The string literals of the line `text[from, to)`, in order; a comment ends the line. A template literal's
 * `${…}` part that is itself one literal (`${'ve_'}`) is folded into it; any other expression splits the template
 * into literals that nothing joins. A literal left open at the end of the line is dropped.
 */
export function stringLiteralsIn(text: string, from: number, to: number, syntax: LiteralSyntax): StringLiteral[] {
  const literals: StringLiteral[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */ || c === 96 /* ` */) {
      const literal = c === 96 ? readTemplate(text, i, to, literals) : readQuoted(text, i, to);
      if (!literal) break;
      literals.push(literal);
      i = literal.end;
      continue;
    }
    if (c === 35 /* # */ && syntax.hashComments) break;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47 && !syntax.hashComments) break;
    i++;
  }
  return literals;
}

function readQuoted(text: string, start: number, to: number): StringLiteral | undefined {
  const quote = text[start]!;
  for (let i = start + 1; i < to; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return { start, end: i + 1, quote, parts: [[start + 1, i]] };
  }
  return undefined;
}

/** A template literal on one line; an expression part other than one literal closes a literal and opens the next. */
function readTemplate(text: string, start: number, to: number, out: StringLiteral[]): StringLiteral | undefined {
  let current: StringLiteral = { start, end: start, quote: '`', parts: [] };
  let partStart = start + 1;
  for (let i = start + 1; i < to; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '`') {
      current.parts.push([partStart, i]);
      current.end = i + 1;
      return current;
    } else if (c === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close === -1 || close >= to) return undefined;
      current.parts.push([partStart, i]);
      const inner = /^\s*(["'])((?:\\.|(?!\1)[^\\])*)\1\s*$/.exec(text.slice(i + 2, close));
      if (inner) {
        const contentStart = text.indexOf(inner[1]!, i + 2) + 1;
        current.parts.push([contentStart, contentStart + inner[2]!.length]);
      } else {
        current.end = i;
        out.push(current);
        current = { start: close + 1, end: close + 1, quote: '`', parts: [] };
      }
      partStart = close + 1;
      i = close;
    }
  }
  return undefined;
}
