import { describe, expect, it } from 'vitest';
import { detectIn, foundIn } from '../../helpers/detector.js';
import { expandTemplate } from '../../helpers/keys.js';
import { DATA_URL, dataUrlsAt, holdsQuoteBeforeBase64Run } from '../../../src/engine/derived/decoded-base64.js';

const found = (text: string, path: string) => foundIn(text, path);

describe('base64 values, decoded', () => {
  it("decodes a Kubernetes Secret's data entries, a key and a whole env file", () => {
    const secret = 'apiVersion: v1\nkind: Secret\ndata:\n  STRIPE: {{b64of:sk_live_{{rand:24}}}}\n  LEVEL: {{b64of:info}}\n  app.env: {{b64of:API_KEY={{hex:32}}\nDEBUG=1}}\n';
    expect(found(secret, 'k8s/secret.yaml')).toEqual(['4 smartpay-live-secret-key', '6 generic-api-key']);
  });

  it('spans the whole encoded value, and never shows the decoded key', () => {
    const text = expandTemplate('apiVersion: v1\nkind: Secret\ndata:\n  STRIPE: {{b64of:sk_live_{{rand:24}}}}\n');
    const [finding] = detectIn(text, 'secret.yaml');
    const encoded = text.split('\n')[3]!.slice('  STRIPE: '.length);
    expect(finding!.location.column).toBe(11);
    expect(finding!.location.endColumn).toBe(11 + encoded.length);
    expect(finding!.snippet).not.toContain(encoded);
    expect(finding!.preview).toMatch(/^sk_live_…/);
  });

  it('decodes data URLs of text and quoted base64 that decodes to text', () => {
    // A page's inline script runs in the browser: the key is client-side.
    expect(found('<script src="data:text/javascript;base64,{{b64of:const k = "sk_live_{{rand:24}}";}}"></script>', 'public/index.html')).toEqual([
      '1 client-side-secret',
    ]);
    expect(found('const bootstrap = "data:text/plain;base64,{{b64of:sk_live_{{rand:24}}}}";', 'server/boot.ts')).toEqual(['1 smartpay-live-secret-key']);
    // Quoted base64 with no marker of any view around it: only its length and alphabet call for decoding it.
    const quoted = expandTemplate('export const settings = "{{b64of:API_KEY={{hex:32}}}}";');
    expect(quoted).toMatch(/^export const settings = "[A-Za-z0-9+/]{32,}={0,2}";$/);
    expect(found(quoted, 'server/config.ts')).toEqual(['1 generic-api-key']);
  });

  it('is quiet on base64 of bytes, images, and values of a Secret that are no keys', () => {
    expect(found('const hash = "{{b64:44}}==";', 'src/a.ts')).toEqual([]);
    expect(found('<img src="data:image/png;base64,{{b64:200}}">', 'index.html')).toEqual([]);
    expect(found('kind: Secret\ndata:\n  LEVEL: {{b64of:info}}\n  HOST: {{b64of:db.internal.example.com}}', 'secret.yaml')).toEqual([]);
  });

  it('looks for quoted base64 only in texts where a quote is followed by 32 base64 characters', () => {
    const quoteThenRun = /["'`][A-Za-z0-9+/]{32}/;
    // Runs of 16 to 36 base64 characters between quotes, spaces and dashes: the skips land on every kind of boundary.
    const pieces = ['"', "'", '`', ' ', '-', '=', '\n', 'é'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let held = 0;
    for (let t = 0; t < 400; t++) {
      let text = '';
      while (text.length < 60) {
        text += pieces[random(pieces.length)];
        const run = 16 + random(21);
        for (let i = 0; i < run; i++) text += base64[random(64)];
      }
      expect(holdsQuoteBeforeBase64Run(text), text).toBe(quoteThenRun.test(text));
      if (quoteThenRun.test(text)) held++;
    }
    expect(held).toBeGreaterThan(50);
    expect(held).toBeLessThan(350);
    expect(holdsQuoteBeforeBase64Run(`"${'A'.repeat(31)}"`)).toBe(false);
    expect(holdsQuoteBeforeBase64Run(`x"${'A'.repeat(32)}`)).toBe(true);
    expect(holdsQuoteBeforeBase64Run(`${'A'.repeat(40)}"${'A'.repeat(31)}`)).toBe(false);
    expect(holdsQuoteBeforeBase64Run(`-${'A'.repeat(32)}"${'A'.repeat(32)}`)).toBe(true);
  });

  it('finds data URLs from their ;base64, markers as a search of the whole text does', () => {
    const pieces = ['data:', 'data:', 'text/plain', 'application/json', 'image/png', ';charset=utf-8', ';q=1', ';base64,', ';base64,', ';BASE64,', ':', ',', ' '];
    let seed = 11;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n);
    const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let urls = 0;
    for (let t = 0; t < 500; t++) {
      let text = '';
      for (let piece = 0; piece < 12; piece++) {
        const next = pieces[random(pieces.length)]!;
        text += next;
        // A run of base64 after most markers (some too short to count), and now and then elsewhere.
        if (next.endsWith(',') ? random(4) > 0 : random(4) === 0) for (let i = 10 + random(20); i > 0; i--) text += base64[random(64)];
      }
      // The keyword pass finds markers in any case.
      const markers = [...text.toLowerCase().matchAll(/;base64,/g)].map((m) => m.index);
      const expected = [...text.matchAll(DATA_URL)].map((m) => [m.index, m[0]]);
      expect(dataUrlsAt(text, markers).map((m) => [m.index, m[0]]), text).toEqual(expected);
      urls += expected.length;
    }
    expect(urls).toBeGreaterThan(50);
  });
});
