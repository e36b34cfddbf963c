import { composed, DerivedTextBuilder, type DerivedText } from './derived-text.js';
import type { View } from './derive.js';
import { allMatches } from '../all-matches.js';

/**
 * Lines longer than this are not unescaped: in code, a minified bundle's line (its keys are in plain sight or
 * nowhere); a JSON document may be one long line, so JSON files allow more.
 */
const MAX_LINE = 4 * 1024;
const MAX_JSON_LINE = 256 * 1024;
/** JSON inside JSON inside JSON: each level doubles the backslashes. */
const MAX_LEVELS = 3;

/** Files whose strings hold code or JSON of their own: notebooks, JSON documents, recorded HTTP exchanges. */
const JSON_FILE = /\.(?:json|jsonl|ndjson|ipynb|har)$/i;
/** A double-quoted string that holds an escaped quote or line break: JSON or code inside a string. */
const ESCAPED_STRING = /(?<!\\)"((?:[^"\\\n]|\\.)*\\["n](?:[^"\\\n]|\\.)*)"/g;

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', n: '\n', r: '', t: ' ' };

/**
 * Lines holding escaped quotes, unescaped as a reader reads them: a Jupyter notebook's `source` strings
 * (`"api_key = \"…\"\n"`), JSON embedded in a JSON or code string (`"{\"apiKey\": \"…\"}"`). `\n` becomes a line
 * break, so that code kept in one string is read line by line.
 */
export const unescapeStrings: View = {
  markers: ['\\"'],
  holdsText: true,
  reach: 0,
  readsWithoutMarkers: () => false,
  derive(text, path, hits) {
    const stringsApart = JSON_FILE.test(path);
    const out: DerivedText[] = [];
    let lineEnd = -1;
    for (const at of hits.offsetsOf('\\"')) {
      if (at < lineEnd) continue; // on a line already read
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const newline = text.indexOf('\n', at);
      lineEnd = newline === -1 ? text.length : newline;
      // Unescaping keeps the words as they were: a line without a rule keyword holds nothing to find.
      if (lineEnd - lineStart > (stringsApart ? MAX_JSON_LINE : MAX_LINE) || !hits.ruleKeywordWithin(lineStart, lineEnd)) continue;
      const unescaped = unescapeLine(text, lineStart, lineEnd);
      if (unescaped) out.push(unescaped);
      // In JSON files, each string of the line on its own too: its content is code or JSON that the views read again
      // (a key split by concatenation inside a notebook cell), which the line's own quotes would interleave with.
      if (!stringsApart) continue;
      for (const m of allMatches(ESCAPED_STRING, text.slice(lineStart, lineEnd))) {
        const contentStart = lineStart + m.index! + 1;
        const content = unescapeLine(text, contentStart, contentStart + m[1]!.length);
        if (content) out.push(content);
      }
    }
    return out;
  },
};

/** The text between `lineStart` and `lineEnd` with each escape replaced by what it stands for, as often as escaped quotes remain (nested JSON). */
function unescapeLine(text: string, lineStart: number, lineEnd: number): DerivedText | undefined {
  let current: DerivedText | undefined;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const source = current ? current.text : text;
    const builder = new DerivedTextBuilder(source);
    appendUnescaped(builder, source, current ? 0 : lineStart, current ? source.length : lineEnd);
    const next = builder.build('escaped-string');
    current = current ? composed(next, current) : next;
    if (!current.text.includes('\\"')) break;
  }
  return current;
}

/** Appends `source[from, to)` to the builder with one level of escapes replaced by what they stand for. */
export function appendUnescaped(builder: DerivedTextBuilder, source: string, from: number, to: number): void {
  let copied = from;
  for (let i = source.indexOf('\\', from); i !== -1 && i < to - 1; i = source.indexOf('\\', i)) {
    const replacement = ESCAPES[source[i + 1]!];
    if (replacement === undefined) {
      i += 2;
      continue;
    }
    builder.copy(copied, i).put(replacement, i, i + 2);
    copied = i + 2;
    i += 2;
  }
  builder.copy(copied, to);
}
