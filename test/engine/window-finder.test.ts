import { describe, expect, it } from 'vitest';
import { WindowFinder } from '../../src/engine/window-finder.js';

describe('WindowFinder', () => {
  it('bounds a window by the line of the hit', () => {
    const text = 'first line\nsecond KEY line\nthird';
    const finder = new WindowFinder(text, 100);
    const at = text.indexOf('KEY');
    expect(text.slice(finder.startFor(at), finder.endFor(at + 3))).toBe('second KEY line');
  });

  it('bounds a window by the reach on a long line', () => {
    const text = `${'a'.repeat(500)}KEY${'b'.repeat(500)}`;
    const finder = new WindowFinder(text, 10);
    expect(finder.startFor(500)).toBe(490);
    expect(finder.endFor(503)).toBe(513);
  });

  it('gives the same windows as a fresh search for every hit, in order, on short lines and long ones', () => {
    const lines = Array.from({ length: 200 }, (_, i) => 'x'.repeat((i * 37) % 90) + (i % 3 ? 'KEY' : '') + 'y'.repeat((i * 11) % 40));
    // A long line with hits far apart and close together, and a last line with no break after it.
    lines.push(Array.from({ length: 40 }, (_, i) => `${'z'.repeat((i * 53) % 400)}KEY`).join(''), `tail ${'w'.repeat(300)}KEY${'v'.repeat(70)}`);
    const text = lines.join('\n');
    const hits = [...text.matchAll(/KEY/g)].map((m) => m.index!);
    for (const reach of [50, 1024]) {
      const finder = new WindowFinder(text, reach);
      for (const hit of hits) {
        const expectedStart = Math.max(text.lastIndexOf('\n', hit - 1) + 1, hit - reach);
        const nl = text.indexOf('\n', hit + 3);
        const expectedEnd = Math.min(nl === -1 ? text.length : nl, hit + 3 + reach);
        expect([finder.startFor(hit), finder.endFor(hit + 3)]).toEqual([expectedStart, expectedEnd]);
      }
    }
  });
});
