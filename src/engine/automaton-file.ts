import type { AutomatonTables } from './aho-corasick.js';

/**
 * The keyword automaton of the built-in rules, as the build writes it (dist/keyword-automaton.bin) and the CLI
 * reads it: building it takes 10 to 20 ms of a cold start; JSON with base64 tables took some 4 ms to read and
 * decode; this layout takes well under 1 ms (the two tables are copied out whole).
 *
 * Layout: the byte length of a JSON header (uint32, little-endian), the header (every table but the two large
 * ones, and their lengths), zero bytes up to a multiple of 4, then `next` and `firstMatch` as little-endian int32s.
 */
interface Header extends Omit<AutomatonTables, 'next' | 'firstMatch'> {
  keywords: string[];
  nextLength: number;
  firstMatchLength: number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodeAutomaton(keywords: readonly string[], tables: AutomatonTables): Buffer {
  const { next, firstMatch, ...small } = tables;
  const header: Header = { ...small, keywords: [...keywords], nextLength: next.length, firstMatchLength: firstMatch.length };
  const json = Buffer.from(JSON.stringify(header));
  const tablesAt = align4(4 + json.length);
  const file = Buffer.alloc(tablesAt + 4 * (next.length + firstMatch.length));
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  next.forEach((value, i) => file.writeInt32LE(value, tablesAt + 4 * i));
  firstMatch.forEach((value, i) => file.writeInt32LE(value, tablesAt + 4 * (next.length + i)));
  return file;
}

/** The automaton in `file`; undefined on a big-endian machine, which builds its own rather than swap every entry. */
export function decodeAutomaton(file: Buffer): { keywords: string[]; tables: AutomatonTables } | undefined {
  if (!littleEndian) return undefined;
  const jsonLength = file.readUInt32LE(0);
  const { keywords, nextLength, firstMatchLength, ...small } = JSON.parse(file.toString('utf8', 4, 4 + jsonLength)) as Header;
  // Copied out of the file's buffer (a memcpy of ~0.5 MB) rather than viewed in place: the scan over views of a read
  // file's buffer measured some 20% slower, and a copy starts at offset 0 whatever the file's buffer did.
  const tablesAt = file.byteOffset + align4(4 + jsonLength);
  const next = new Int32Array(file.buffer.slice(tablesAt, tablesAt + 4 * nextLength));
  const firstMatch = new Int32Array(file.buffer.slice(tablesAt + 4 * nextLength, tablesAt + 4 * (nextLength + firstMatchLength)));
  return { keywords, tables: { ...small, next, firstMatch } };
}

const align4 = (n: number) => Math.ceil(n / 4) * 4;
