import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import type { View } from './derive.js';
import { appendUnescaped } from './escaped-strings.js';

/** Where a cell's `source` array opens; its strings are then read one by one up to the closing bracket. */
const SOURCE_ARRAY = /"source"\s*:\s*\[/g;
/** One JSON string of the array, and what follows it: a comma, or the closing bracket. */
const ELEMENT = /\s*"((?:[^"\\\n]|\\.)*)"\s*(,|\])/y;
/** Cells larger than this are not joined (an output cell's data, a generated notebook). */
const MAX_CELL = 256 * 1024;

/**
 * A Jupyter notebook's code as its author wrote it: each cell's `source` lines, unescaped and joined, so that a
 * statement over several lines (a key split by Python's implicit concatenation, a name on one line and its value on
 * the next) reads as one piece of code. The views read the cell again (it holds text), at the cell's place in the file.
 */
export const joinNotebookCells: View = {
  markers: ['"source": [', '"source":['],
  holdsText: true,
  reach: 4096,
  readsWithoutMarkers: () => false,
  derive(text, path, hits) {
    if (!path.endsWith('.ipynb') || (hits.offsetsOf('"source": [').length === 0 && hits.offsetsOf('"source":[').length === 0)) return [];
    const out: DerivedText[] = [];
    SOURCE_ARRAY.lastIndex = 0;
    for (let m = SOURCE_ARRAY.exec(text); m; m = SOURCE_ARRAY.exec(text)) {
      const builder = new DerivedTextBuilder(text);
      let at = SOURCE_ARRAY.lastIndex;
      let elements = 0;
      for (;;) {
        ELEMENT.lastIndex = at;
        const element = ELEMENT.exec(text);
        if (!element || builder.length > MAX_CELL) break;
        const contentStart = element.index + element[0].indexOf('"') + 1;
        appendUnescaped(builder, text, contentStart, contentStart + element[1]!.length);
        elements++;
        at = ELEMENT.lastIndex;
        if (element[2] === ']') break;
      }
      // A cell of one line is left to the escaped-strings view, which reads it where a rule keyword stands.
      if (elements > 1) out.push(builder.build('notebook-cell'));
      SOURCE_ARRAY.lastIndex = Math.max(SOURCE_ARRAY.lastIndex, at);
    }
    return out;
  },
};
