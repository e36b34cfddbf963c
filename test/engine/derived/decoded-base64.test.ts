import { describe, expect, it } from 'vitest';
import { detectIn, foundIn } from '../../helpers/detector.js';
import { expandTemplate } from '../../helpers/keys.js';

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
});
