import type { AutomatonTables } from './aho-corasick.js';

/**
 * The keyword automaton of the built-in rules, as the build writes it (dist/keyword-automaton.json) and the CLI
 * reads it: building it takes 10 to 20 ms of a cold start, reading it well under one. Typed arrays travel as base64.
 */
export interface AutomatonFile {
  keywords: string[];
  asciiClasses: number[];
  width: number;
  next: string;
  firstMatch: string;
  matchKeyword: number[];
  matchNext: number[];
}

export function encodeAutomaton(keywords: readonly string[], tables: AutomatonTables): AutomatonFile {
  const base64 = (array: Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return { ...tables, keywords: [...keywords], next: base64(tables.next), firstMatch: base64(tables.firstMatch) };
}

export function decodeAutomaton(file: AutomatonFile): { keywords: string[]; tables: AutomatonTables } {
  const int32s = (text: string) => {
    const bytes = Buffer.from(text, 'base64');
    // Copied into a fresh, aligned buffer: Node may hand back a slice of a shared pool at any offset.
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const { keywords, next, firstMatch, ...rest } = file;
  return { keywords, tables: { ...rest, next: int32s(next), firstMatch: int32s(firstMatch) } };
}
