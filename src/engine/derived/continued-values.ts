import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import type { View } from './derive.js';

const PROPERTIES = /\.properties$/i;
const YAML = /\.ya?ml$/i;
/** A .properties line that goes on on the next: an odd number of backslashes at its end. */
const CONTINUED = /(?<!\\)(?:\\\\)*\\\r?$/;
/** A YAML key whose value is a block scalar: `api_key: |`, `token: >-`. */
const BLOCK_SCALAR = /^([ \t]*)(?:- )?([\w.-]{1,100}):[ \t]*[|>][+-]?[0-9]?[ \t]*(?:#.*)?\r?$/gm;

/**
 * Values written over several lines, joined as the file's reader joins them: `.properties` continuation lines
 * (`api.key=abc\` then `    def`) and YAML block scalars (`api_key: |` then the value indented below it), each
 * as one `name = value` line at the value's place.
 */
export const joinContinuedValues: View = {
  markers: [': |', ': >'],
  reach: 512,
  readsWithoutMarkers: (_text, path) => PROPERTIES.test(path),
  derive(text, path, hits) {
    if (PROPERTIES.test(path) && text.includes('\\\n')) return propertiesContinuations(text);
    if (YAML.test(path) && (hits.offsetsOf(': |').length || hits.offsetsOf(': >').length)) return yamlBlockScalars(text);
    return [];
  },
};

function propertiesContinuations(text: string): DerivedText[] {
  const out: DerivedText[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = endOf(text, lineStart);
    if (CONTINUED.test(text.slice(lineStart, lineEnd))) {
      const builder = new DerivedTextBuilder(text);
      let start = lineStart;
      let end = lineEnd;
      // Each continued line gives up its backslash; the next one its leading blanks.
      while (CONTINUED.test(text.slice(start, end)) && end < text.length) {
        builder.copy(start, text.lastIndexOf('\\', end));
        start = end + 1;
        while (text[start] === ' ' || text[start] === '\t') start++;
        end = endOf(text, start);
      }
      builder.copy(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      out.push(builder.build('continued-value'));
      lineStart = end + 1;
      continue;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function yamlBlockScalars(text: string): DerivedText[] {
  const out: DerivedText[] = [];
  BLOCK_SCALAR.lastIndex = 0;
  for (let m = BLOCK_SCALAR.exec(text); m; m = BLOCK_SCALAR.exec(text)) {
    const indent = m[1]!.length;
    const name = m[2]!;
    // The block's lines: more indented than the key; a one-line value is a key, a longer one is prose or a PEM.
    const lines: Array<[number, number]> = [];
    let at = endOf(text, m.index) + 1;
    while (at < text.length) {
      const end = endOf(text, at);
      const line = text.slice(at, end);
      if (line.trim() === '') {
        at = end + 1;
        continue;
      }
      const lineIndent = line.length - line.trimStart().length;
      if (lineIndent <= indent) break;
      const trimmedEnd = at + line.trimEnd().length;
      lines.push([at + lineIndent, trimmedEnd]);
      at = end + 1;
      if (lines.length > 1) break;
    }
    if (lines.length !== 1) continue;
    const [start, end] = lines[0]!;
    out.push(new DerivedTextBuilder(text).put(`${name}: "`, start).copy(start, end).put('"', end).build('continued-value'));
  }
  return out;
}

function endOf(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
