import { describe, expect, it } from 'vitest';
import { stringSpanAround } from '../../src/fix/string-span.js';

const spanOf = (line: string, inner: string) => {
  const at = line.indexOf(inner);
  const span = stringSpanAround(line, at, at + inner.length);
  return span && line.slice(span.start, span.end);
};

describe('the string literal around a key', () => {
  it('finds single, double, back and triple quotes, with escapes and Python prefixes', () => {
    expect(spanOf(`a = "x\\"y KEY z" + 'w'`, 'KEY')).toBe(`"x\\"y KEY z"`);
    expect(spanOf("h = `Bearer ${t} KEY`", 'KEY')).toBe('`Bearer ${t} KEY`');
    expect(spanOf(`k = r'KEY'`, 'KEY')).toBe(`r'KEY'`);
    expect(spanOf(`k = f"{x}KEY"`, 'KEY')).toBe(`f"{x}KEY"`);
    expect(spanOf(`k = """KEY"""`, 'KEY')).toBe(`"""KEY"""`);
    expect(spanOf(`buf = "a"; key = "KEY"`, 'KEY')).toBe(`"KEY"`);
  });

  it('says when the key is not inside one literal', () => {
    expect(spanOf('export KEY=abc', 'KEY')).toBeUndefined();
    expect(spanOf('a = "KEY', 'KEY')).toBeUndefined();
    expect(spanOf('a = "x" KEY "y"', 'KEY')).toBeUndefined();
  });

  it('does not take the letters of an identifier for a string prefix', () => {
    expect(spanOf(`buf"KEY"`, 'KEY')).toBe(`"KEY"`);
  });
});
