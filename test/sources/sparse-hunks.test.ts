import { describe, expect, it } from 'vitest';
import { addedLinesAtHits } from '../../src/sources/sparse-hunks.js';

/** The same answer the slow way: every line of every hunk numbered, the hit lines and the added line before each. */
function reference(text: string, hits: number[]): { lines: string[]; lineNumbers: number[] } {
  const taken = new Map<number, string>();
  let offset = 0;
  let number = 0;
  let inHunk = false;
  let previous: { number: number; text: string } | undefined;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line.startsWith('@@')) {
      number = Number(/\+(\d+)/.exec(line)![1]);
      inHunk = true;
      previous = undefined;
      continue;
    }
    if (!inHunk || line.startsWith('-')) continue;
    const added = line.startsWith('+');
    if (added && hits.some((hit) => hit >= start && hit < offset)) {
      if (previous) taken.set(previous.number, previous.text);
      taken.set(number, line.slice(1));
    }
    previous = added ? { number, text: line.slice(1) } : undefined;
    number++;
  }
  const numbers = [...taken.keys()].sort((a, b) => a - b);
  return { lines: numbers.map((n) => taken.get(n)!), lineNumbers: numbers };
}

describe('addedLinesAtHits', () => {
  it('finds the same lines as a line-by-line walk, with many hits on long lines across hunks', () => {
    const long = (tag: string) => `<p>${tag} token apiKey secret </p>`.repeat(2_000);
    const text = [
      'diff --git a/docs/a.html b/docs/a.html',
      'index 1111111..2222222 100644',
      '--- a/docs/a.html',
      '+++ b/docs/a.html',
      '@@ -1,2 +1,3 @@',
      `-${long('old')}`,
      `+${long('one')}`,
      `+${long('two')}`,
      ' kept line',
      '@@ -40,0 +41,2 @@',
      '+short token line',
      `+${long('three')}`,
      '',
    ].join('\n');
    const hits: number[] = [];
    for (let at = text.indexOf('token'); at !== -1; at = text.indexOf('token', at + 1)) hits.push(at);
    expect(hits.length).toBeGreaterThan(8_000);
    const result = addedLinesAtHits(text, hits.map((offset) => ({ offset, reach: 0, keyword: 'token' })));
    expect(result.lineNumbers).toEqual([1, 2, 41, 42]);
    expect({ lines: result.lines, lineNumbers: result.lineNumbers }).toEqual(reference(text, hits));
    const joined = result.lines.join('\n');
    expect(result.hits.map((hit) => hit.offset)).toEqual([...joined.matchAll(/token/g)].map((m) => m.index));
  });

  it('skips hits in the file header and hunk headers, and keeps the added line before a hit', () => {
    const text = ['diff --git a/token.ts b/token.ts', '--- a/token.ts', '+++ b/token.ts', '@@ -0,0 +7,3 @@ token', '+// keyward-ignore-next-line', '+const token = 1;', '+x', ''].join('\n');
    const hits: number[] = [];
    for (let at = text.indexOf('token'); at !== -1; at = text.indexOf('token', at + 1)) hits.push(at);
    const result = addedLinesAtHits(text, hits.map((offset) => ({ offset, reach: 0, keyword: 'token' })));
    expect(result).toEqual({ lines: ['// keyward-ignore-next-line', 'const token = 1;'], lineNumbers: [7, 8], hits: [{ keyword: 'token', offset: 34 }] });
    expect({ lines: result.lines, lineNumbers: result.lineNumbers }).toEqual(reference(text, hits.filter((hit) => hit > text.indexOf('\n+'))));
  });

  it('places a passive hit only in a line another hit brought, and drops one in the prefix column', () => {
    const text = ['diff --git a/a.ts b/a.ts', '--- a/a.ts', '+++ b/a.ts', "@@ -0,0 +1,3 @@", "+'a' + token", '+kind: Vault', '+kind: Vault token', ''].join('\n');
    const at = (needle: string, from = 0) => text.indexOf(needle, from);
    const result = addedLinesAtHits(text, [
      { offset: at("+'a'"), reach: 0, keyword: "+'" },
      { offset: at('token'), reach: 0, keyword: 'token' },
      { offset: at('kind: Vault'), reach: 0, keyword: 'kind: vault', passive: true },
      { offset: at('kind: Vault', at('kind: Vault') + 1), reach: 0, keyword: 'kind: vault', passive: true },
      { offset: at('token', at('token') + 1), reach: 0, keyword: 'token' },
    ]);
    expect(result.lines).toEqual(["'a' + token", 'kind: Vault', 'kind: Vault token']);
    const joined = result.lines.join('\n');
    expect(result.hits).toEqual([
      { keyword: 'token', offset: joined.indexOf('token') },
      { keyword: 'kind: vault', offset: joined.indexOf('kind: Vault') },
      { keyword: 'kind: vault', offset: joined.lastIndexOf('kind: Vault') },
      { keyword: 'token', offset: joined.lastIndexOf('token') },
    ]);
  });

  it('reads a non-ASCII diff from its bytes as it reads the decoded text, offsets, reach and invalid UTF-8 included', () => {
    // Random lines of ASCII, 2-, 3- and 4-byte characters and stray bytes, in hunks, with keyword hits and a reaching one.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    const pieces = ['token', 'BEGIN', ' plain ', 'é', '€', '😀', 'ab', 'x'];
    const parts: Buffer[] = [Buffer.from('diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n')];
    for (let hunk = 0; hunk < 6; hunk++) {
      parts.push(Buffer.from(`@@ -${hunk * 50},2 +${hunk * 60 + 1},9 @@\n`));
      for (let line = 0; line < 12; line++) {
        parts.push(Buffer.from(['+', '+', '+', '-', ' '][random(5)]!));
        for (let piece = random(12); piece > 0; piece--) parts.push(random(15) === 0 ? Buffer.from([0xe2, 0x82]) : Buffer.from(pieces[random(pieces.length)]!));
        parts.push(Buffer.from('\n'));
      }
    }
    // The last hunk's third line is 17 characters past its BEGIN, and 25 bytes: within the reach only as characters.
    parts.push(Buffer.from('@@ -2000,0 +2001,3 @@\n+BEGIN\n+😀😀😀😀\n+within reach\n'));
    const bytes = Buffer.concat(parts);
    expect(bytes.toString('utf8')).toContain('\uFFFD'); // invalid UTF-8 is in it
    const latin1 = bytes.toString('latin1');
    const decoded = bytes.toString('utf8');
    const hitsIn = (text: string) =>
      [...text.matchAll(/token|BEGIN/g)].map((m) => ({ offset: m.index, keyword: m[0].toLowerCase(), reach: m[0] === 'BEGIN' ? 20 : 0 }));
    const fromBytes = addedLinesAtHits(latin1, hitsIn(latin1), bytes);
    const fromText = addedLinesAtHits(decoded, hitsIn(decoded));
    expect(fromText.lines.length).toBeGreaterThan(20);
    expect(fromText.lines.some((line) => line.length !== Buffer.byteLength(line))).toBe(true);
    expect(fromText.lines.at(-1)).toBe('within reach');
    expect(fromBytes).toEqual(fromText);
  });

  it('counts a reach in characters where three-byte characters make the bytes thrice as many', () => {
    // 6 characters to the euro line, 13 more to the next: 19 within a reach of 20, though the euro line is 37 bytes;
    // the line after is 32 characters on, out of reach.
    const bytes = Buffer.from(`diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -0,0 +1,4 @@\n+BEGIN\n+${'€'.repeat(12)}\n+within reach\n+${'x'.repeat(3_000)}\n`);
    const latin1 = bytes.toString('latin1');
    const result = addedLinesAtHits(latin1, [{ offset: latin1.indexOf('BEGIN'), keyword: 'begin', reach: 20 }], bytes);
    expect(result.lines).toEqual(['BEGIN', '€'.repeat(12), 'within reach']);
    expect(result.lineNumbers).toEqual([1, 2, 3]);
  });
});
