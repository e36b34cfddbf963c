import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/engine/aho-corasick.js';
import { decodeAutomaton, encodeAutomaton } from '../../src/engine/automaton-file.js';
import { COMPILED_AUTOMATON } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/package-root.js';
import { defaultDetector } from '../helpers/detector.js';
import { randomAlnum } from '../helpers/keys.js';

function matches(automaton: AhoCorasick, text: string): string[] {
  const found: string[] = [];
  automaton.scan(text, (index, start) => found.push(`${start}:${automaton.keywords[index]}`));
  return found;
}

describe('the precompiled keyword automaton', () => {
  it('finds the same after a trip through its file as the automaton it was written from', () => {
    const keywords = ['sk_live_', 'api_key', 'key', 'bearer', 'x-api-key', 'q~'];
    const built = new AhoCorasick(keywords);
    // At an offset that is not a multiple of 4, as a slice of a larger buffer may be.
    const file = Buffer.concat([Buffer.from('x'), encodeAutomaton(keywords, built.tables)]).subarray(1);
    const { keywords: read, tables } = decodeAutomaton(file)!;
    expect(read).toEqual(keywords);
    expect([...tables.next]).toEqual([...built.tables.next]);
    expect([...tables.firstMatch]).toEqual([...built.tables.firstMatch]);
    const copy = new AhoCorasick(read, tables);
    const text = `${randomAlnum(200)} SK_LIVE_${randomAlnum(24)} x-api-key: Bearer q~ api_key=${randomAlnum(30)} é`;
    expect(matches(copy, text)).toEqual(matches(built, text));
    expect(matches(copy, text).length).toBeGreaterThan(5);
  });

  it("written by the build, is the default rules' automaton (else the CLI would build its own at every start)", () => {
    const file = join(packageRoot(), COMPILED_AUTOMATON);
    expect(existsSync(file), `${COMPILED_AUTOMATON} is written by npm run build`).toBe(true);
    const { keywords } = decodeAutomaton(readFileSync(file))!;
    expect(keywords).toEqual(defaultDetector.keywords);
  });
});
