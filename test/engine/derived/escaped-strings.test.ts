import { describe, expect, it } from 'vitest';
import { foundIn } from '../../helpers/detector.js';

const found = (text: string, path: string) => foundIn(text, path);

describe('escaped strings', () => {
  it("reads a notebook's source strings as the code they hold", () => {
    const notebook = '{"cells": [{"source": [\n  "import requests\\n",\n  "headers = {\\"x-api-key\\": \\"{{hex:32}}\\"}\\n"\n]}]}';
    expect(found(notebook, 'analysis.ipynb')).toEqual(['3 smartretry-api-key-header']);
  });

  it('reads JSON embedded in JSON, even twice over', () => {
    expect(found('{"body": "{\\"client_secret\\": \\"{{rand:40}}\\"}"}', 'event.json')).toEqual(['1 generic-api-key']);
    expect(found('{"outer": "{\\"inner\\": \\"{\\\\\\"api_key\\\\\\": \\\\\\"{{hex:32}}\\\\\\"}\\"}"}', 'event.json')).toHaveLength(1);
  });

  it('folds a key split inside a notebook cell: the views read an unescaped string again', () => {
    const oneString = '{"cells": [{"source": ["KEY = \\"sk_live_\\" + \\"{{rand:24}}\\"\\n"]}]}';
    expect(found(oneString, 'analysis.ipynb')).toEqual(['1 smartpay-live-secret-key']);
  });

  it('is quiet on escaped strings that hold no credential', () => {
    expect(found('{"note": "{\\"message\\": \\"retry later\\", \\"attempt\\": 3}"}', 'event.json')).toEqual([]);
  });
});
