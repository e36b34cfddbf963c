import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectFiles } from '../../bench/corpus.mjs';
import { assembleKeywordLanes, keywordLanesModuleSource } from '../../scripts/build-wasm.mjs';
import { AhoCorasick } from '../../src/engine/aho-corasick.js';
import { KeywordLanes, WINDOW } from '../../src/engine/keyword-lanes.js';
import { KeywordPrefilter } from '../../src/engine/prefilter.js';
import { builtinRules, createDetector } from '../../src/scan/create-detector.js';
import { configSchema } from '../../src/config/schema.js';
import { detectInFile } from '../../src/scan/detect-in-file.js';
import { key, randomAlnum } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/**
 * The byte pass against the string pass on the same text: the same hits, in the same order, or the test fails
 * naming the first that differs (a diff of two 500,000-hit arrays would take minutes).
 */
function expectSameHits(prefilter: KeywordPrefilter, text: string, what: string): void {
  const expected = prefilter.hits(text).map((hit) => `${hit.offset}:${hit.keyword}`);
  const found = prefilter.hitsOfUtf8(Buffer.from(text, 'utf8'))?.map((hit) => `${hit.offset}:${hit.keyword}`);
  expect(found, what).toBeDefined();
  const differs = expected.findIndex((hit, i) => found![i] !== hit);
  expect({ count: found!.length, differs, at: found![differs] }, what).toEqual({ count: expected.length, differs: -1, at: undefined });
}

const FILLERS = ['a', ' ', '\n', 'é', '中', '😀', '"', '+', '='];

/** Text of `length` characters or so: filler of 1- to 4-byte characters, with keywords dropped in at `at`. */
function textWith(length: number, keywords: string[], at: number[], seed: number): string {
  const parts: string[] = [];
  let size = 0;
  let next = 0;
  const sortedAt = [...at].sort((a, b) => a - b);
  for (let i = 0; size < length; i++) {
    const keyword = size >= (sortedAt[next] ?? Infinity) ? keywords[next++ % keywords.length]! : undefined;
    const piece = keyword ?? FILLERS[(i * 7 + seed) % FILLERS.length]!;
    parts.push(i % 5 === 0 && !keyword ? piece.toUpperCase() : keyword ?? piece);
    size += Buffer.byteLength(piece);
  }
  return parts.join('');
}

describe('KeywordLanes (the keyword pass over bytes)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is built from keyword-lanes.wat as committed (npm run build:wasm)', async () => {
    const committed = readFileSync(new URL('../../src/engine/keyword-lanes-wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(keywordLanesModuleSource(await assembleKeywordLanes()));
  });

  it('finds what the string pass finds on the polyglot corpus and the rules’ examples, with the built-in keywords', async () => {
    const detector = await createDetector(configSchema.parse({}));
    const prefilter = new KeywordPrefilter(detector.keywords);
    const { packs } = await builtinRules();
    const examples = packs.flatMap((pack) => pack.rules).flatMap((rule) => [...rule.examples.leaks, ...rule.examples.quiet]);
    const texts = [
      ...Array.from({ length: 6 }, (_, i) => projectFiles(`project-${i}`, true)).flat().map((file) => file.content),
      examples.map((example) => (typeof example === 'string' ? example : example.text)).join('\n'),
    ];
    let hits = 0;
    for (const text of texts) {
      expectSameHits(prefilter, text, text.slice(0, 80));
      hits += prefilter.hits(text).length;
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('misses no keyword across its four lanes and its windows, in ASCII and in text of 2- to 4-byte characters', () => {
    const keywords = ['sk_live_', 'live', 'api_key', 'key', '\\"', "' +", 'x-api-key'];
    const prefilter = new KeywordPrefilter(keywords);
    // Sizes on each side of where it switches to four lanes and of its window; keywords placed on every seam.
    const sizes = [0, 1, 7, 1023, 1024, 1025, 5000, WINDOW - 1, WINDOW, WINDOW + 1, 3 * WINDOW + 77];
    sizes.forEach((size, s) => {
      const seams = [1, 2, 3].map((lane) => Math.floor((size % WINDOW) / 4) * lane).concat([WINDOW, 2 * WINDOW]);
      const at = seams.flatMap((seam) => [seam - 5, seam - 2, seam]).filter((offset) => offset >= 0);
      const ascii = textWith(size, keywords, at, s).replace(/[^\x00-\x7f]/g, 'b');
      expectSameHits(prefilter, ascii, `ASCII, ${size} bytes`);
      expectSameHits(prefilter, textWith(size, keywords, at, s), `UTF-8, ${size} bytes`);
    });
  });

  it('keeps every hit where a keyword ends at every byte (the most records a lane can hold)', () => {
    const prefilter = new KeywordPrefilter(["'+", "+'", '+']);
    expectSameHits(prefilter, "'+".repeat(WINDOW), 'dense ASCII');
    expectSameHits(prefilter, `é${"+'".repeat(WINDOW / 2 + 3)}😀`, 'dense UTF-8');
  });

  it('agrees with the string pass on random keywords and text with a byte-order mark', () => {
    for (let round = 0; round < 20; round++) {
      const keywords = [...new Set(Array.from({ length: 20 }, () => randomAlnum(2 + (round % 4)).toLowerCase()))];
      expectSameHits(new KeywordPrefilter(keywords), `\ufeff${randomAlnum(3000 + round * 997)}é${randomAlnum(1500)}😀${randomAlnum(50)}`, `round ${round}`);
    }
  });

  it('gives no answer for invalid UTF-8, whose decoded text has replacement characters', () => {
    const prefilter = new KeywordPrefilter(['key']);
    expect(prefilter.hitsOfUtf8(Buffer.from([0x6b, 0x65, 0x79, 0xff, 0x6b, 0x65, 0x79]))).toBeUndefined();
    expect(prefilter.hitsOfUtf8(Buffer.from('key é key'))).toEqual(prefilter.hits('key é key'));
  });

  it('finds, at byte offsets in any bytes (git’s raw output), what the string pass finds in them read one byte a character', async () => {
    const prefilter = new KeywordPrefilter((await createDetector(configSchema.parse({}))).keywords);
    const keywords = prefilter.keywords.slice(0, 40);
    // Text of 1- to 4-byte characters with keywords at lane and window seams, then bytes that are not UTF-8 at all.
    const text = textWith(3 * WINDOW, keywords, [0, WINDOW / 4 - 2, WINDOW - 3, WINDOW + 1, 2 * WINDOW - 1], 5);
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from(` ${keywords[0]} \xc3${keywords[1]}`), Buffer.from([0x80, 0xfe])]);
    const byByte = prefilter.hits(bytes.toString('latin1')).map((hit) => `${hit.offset}:${hit.keyword}`);
    expect(byByte.length).toBeGreaterThan(5);
    expect(prefilter.hitsAtByteOffsets(bytes)?.map((hit) => `${hit.offset}:${hit.keyword}`)).toEqual(byByte);
  });

  it('is not made where WebAssembly is not available (node --jitless), so the string pass runs', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(KeywordLanes.create(['key'], new AhoCorasick(['key']).tables)).toBeUndefined();
  });

  it('places a tree scan’s findings where the text has them, after non-ASCII characters', async () => {
    const secret = key.smartpayLive();
    // Three lines of emoji (4 bytes, 2 UTF-16 units each): a hit placed by bytes would land lines past the key.
    const text = `// réglages — 中文\n${`// ${'😀'.repeat(100)}\n`.repeat(3)}const key = "${secret}";\n`;
    const root = tempTree({ 'config.js': text });
    const detector = await createDetector(configSchema.parse({}));
    const file = { absolutePath: `${root}/config.js`, path: 'config.js', projectPath: 'config.js' };
    const fromFile = detectInFile(file, detector, 1 << 20).findings;
    expect(fromFile.map((f) => f.location)).toEqual(detector.detect({ origin: { path: 'config.js' }, text }).map((f) => f.location));
    expect(fromFile.map((f) => f.location.line)).toEqual([5]);
  });
});
