import { describe, expect, it } from 'vitest';
import { foundIn } from '../../helpers/detector.js';

const found = (text: string, path: string) => foundIn(text, path);

describe("a notebook's cells", () => {
  it('joins the source lines of a cell, so a statement over several lines reads as one', () => {
    const notebook = [
      '{"cells": [{"cell_type": "code", "source": [',
      '  "import stripe\\n",',
      '  "KEY = (\\"sk_live_\\"\\n",',
      '  "       \\"{{rand:24}}\\")\\n"',
      ']}]}',
    ].join('\n');
    expect(found(notebook, 'analysis.ipynb')).toEqual(['3 smartpay-live-secret-key']);
  });

  it('reads cells only in notebooks, and is quiet on cells without a key', () => {
    const cells = '{"cells": [{"source": [\n  "KEY = (\\"sk_live_\\"\\n",\n  "       \\"{{rand:24}}\\")\\n"\n]}]}';
    expect(found(cells, 'data/cells.json')).toEqual([]);
    expect(found('{"cells": [{"source": [\n  "x = 1\\n",\n  "print(x)\\n"\n]}]}', 'analysis.ipynb')).toEqual([]);
  });
});
