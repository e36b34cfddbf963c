import { describe, expect, it } from 'vitest';
import { deriveTexts, type MarkerHits } from '../../../src/engine/derived/derive.js';

/** Hits of a text that holds no view marker. */
const noMarkers: MarkerHits = { anyOf: () => false, offsetsOf: () => [], offsetsOfAny: () => [], ruleKeywordWithin: () => false };
/** The same, failing the test when a view looks for its markers anyway. */
const noMarkersToAskFor: MarkerHits = {
  ...noMarkers,
  offsetsOf(marker) {
    throw new Error(`asked for ${marker} in a text without markers`);
  },
  offsetsOfAny(markers) {
    throw new Error(`asked for ${markers.join(', ')} in a text without markers`);
  },
};

describe('deriveTexts', () => {
  it('asks no view whose markers are absent, unless it reads without them', () => {
    // Longer than quoted base64 is looked for in, in languages that join literals only with operators.
    const text = 'const greeting = "hello";\n'.repeat(12_000);
    expect(deriveTexts(text, 'src/app.ts', noMarkersToAskFor)).toEqual([]);
    expect(deriveTexts(text, 'config/app.yaml', noMarkersToAskFor)).toEqual([]);
  });

  it('still asks the views that read without markers: adjacent literals, continued lines, quoted base64', () => {
    const python = 'key = ("sk_live_" "0123456789abcdef")\n';
    expect(deriveTexts(python, 'app.py', noMarkers).map(({ derived }) => derived.text)).toContain('key = ("sk_live_0123456789abcdef")');
    const properties = 'api.key=first\\\n  second\n';
    expect(deriveTexts(properties, 'app.properties', noMarkers).length).toBe(1);
    const quoted = `settings = "${Buffer.from('API_KEY=0123456789abcdef0123456789abcdef').toString('base64')}"\n`;
    expect(deriveTexts(quoted, 'app.ts', noMarkers).map(({ derived }) => derived.text)).toContain('API_KEY=0123456789abcdef0123456789abcdef');
  });
});
