/** A quoted string on one line: where it starts and ends (quotes and any prefix included), and its content. */
export interface StringSpan {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  quote: string;
  /** Letters before the quote (Python's r, b, f): an f-string cannot be split around the key. */
  prefix: string;
}

/**
 * The string literal of a line that holds `[from, to)` whole, by a light lexer: single, double and back quotes,
 * triple quotes, backslash escapes. Undefined when the range is not inside one literal (a comment, a bare word).
 */
export function stringSpanAround(line: string, from: number, to: number): StringSpan | undefined {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c !== '"' && c !== "'" && c !== '`') {
      i++;
      continue;
    }
    const prefix = /[rRbBuUfF]{1,2}$/.exec(line.slice(Math.max(0, i - 2), i))?.[0] ?? '';
    const wordBefore = prefix && /[A-Za-z0-9_]/.test(line[i - prefix.length - 1] ?? '');
    const quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    const contentStart = i + quote.length;
    let j = contentStart;
    while (j < line.length && !line.startsWith(quote, j)) j += line[j] === '\\' && quote !== "'" ? 2 : 1;
    if (j >= line.length) return undefined; // not closed on this line
    const span = { start: i - (wordBefore ? 0 : prefix.length), end: j + quote.length, contentStart, contentEnd: j, quote, prefix: wordBefore ? '' : prefix };
    if (from >= contentStart && to <= j) return span;
    if (from < span.end) return undefined;
    i = span.end;
  }
  return undefined;
}
