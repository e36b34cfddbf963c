import { isAscii, isUtf8 } from 'node:buffer';
import type { AutomatonTables } from './aho-corasick.js';
import { KEYWORD_LANES_WASM } from './keyword-lanes-wasm.js';
import type { KeywordHit } from './prefilter.js';

/**
 * The keyword pass over a file's bytes, in WebAssembly (keyword-lanes.wat): the same automaton as `AhoCorasick`,
 * the same hits in the same order, at some six times the speed, since four stretches of the text are scanned at
 * once. Keywords are ASCII and a UTF-8 byte of a non-ASCII character matches none, as a non-ASCII character matches
 * none in the string pass; offsets are given in UTF-16 code units, as in the decoded text. Invalid UTF-8 gets no
 * answer (the decoder's replacement characters would shift them): the caller then runs the string pass.
 */

// The module's memory layout (see keyword-lanes.wat).
const CLASSES_AT = 0;
const LANES_AT = 512;
const TABLE_AT = 1024;
const LANE_FIELDS = 3; // position, row, output

/** Bytes copied into the module's memory at a time: its memory stays the same size whatever the file's. */
export const WINDOW = 64 * 1024;
/** Below this, one lane: starting four costs more than it saves. */
const FOUR_LANES_FROM = 1024;
/** At most one record per byte; lane 3 also takes what four equal parts leave over. */
const RECORDS_PER_LANE = WINDOW / 4 + 4;
const PAGE = 64 * 1024;

interface LanesExports {
  scale(count: number): void;
  one(lane: number, end: number): void;
  four(steps: number): void;
  units(pos: number, end: number, records: number, count: number, units: number): number;
}

/** The part of the WebAssembly global used here: @types/node 20 does not declare it, and lib.dom would bring a browser. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

let compiled: object | undefined;

export class KeywordLanes {
  private readonly wasm: LanesExports;
  /** The module's memory, as bytes and as int32s (it never grows, so these views stay valid). */
  private readonly bytes: Uint8Array;
  private readonly ints: Int32Array;
  private readonly lanes: Int32Array;
  /** Where warm-up records go (a lane's first bytes re-read what the lane before it already reported). */
  private readonly scratchAt: number;
  private readonly outputAt: number[];
  private readonly textAt: number;
  /** Bytes a lane re-reads before its start, so that a keyword that runs into its stretch is found by it. */
  private readonly overlap: number;
  private readonly rowBytes: number;
  private readonly lengths: number[];

  /** Undefined where WebAssembly is not available (`node --jitless`): the string pass then does the work. */
  static create(keywords: readonly string[], tables: AutomatonTables): KeywordLanes | undefined {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (!api) return undefined;
    try {
      compiled ??= new api.Module(Buffer.from(KEYWORD_LANES_WASM, 'base64'));
      return new KeywordLanes(api, compiled, keywords, tables);
    } catch {
      return undefined;
    }
  }

  private constructor(
    api: WebAssemblyApi,
    module: object,
    private readonly keywords: readonly string[],
    private readonly tables: AutomatonTables,
  ) {
    this.rowBytes = tables.width * 4;
    this.lengths = keywords.map((keyword) => keyword.length);
    this.overlap = Math.max(0, ...this.lengths) - 1;
    this.scratchAt = TABLE_AT + tables.next.length * 4;
    const outputsAt = this.scratchAt + (this.overlap + 1) * 8;
    this.outputAt = [0, 1, 2, 3].map((lane) => outputsAt + lane * RECORDS_PER_LANE * 8);
    this.textAt = outputsAt + 4 * RECORDS_PER_LANE * 8;
    const memory = new api.Memory({ initial: Math.ceil((this.textAt + this.overlap + WINDOW) / PAGE) });
    this.wasm = new api.Instance(module, { env: { memory } }).exports as LanesExports;

    const classes = new Uint16Array(memory.buffer, CLASSES_AT, 256);
    tables.asciiClasses.forEach((kind, code) => (classes[code] = kind * 4));
    new Int32Array(memory.buffer, TABLE_AT, tables.next.length).set(tables.next);
    this.wasm.scale(tables.next.length);
    this.lanes = new Int32Array(memory.buffer, LANES_AT, 4 * LANE_FIELDS);
    this.bytes = new Uint8Array(memory.buffer);
    this.ints = new Int32Array(memory.buffer);
  }

  /**
   * Every keyword hit in `bytes` (UTF-8), in order of where it ends as `AhoCorasick.scan` reports it over the decoded
   * text, at the same offsets; undefined when they are not valid UTF-8.
   */
  hits(bytes: Uint8Array): KeywordHit[] | undefined {
    const ascii = isAscii(bytes);
    if (!ascii && !isUtf8(bytes)) return undefined;
    return this.scan(bytes, !ascii);
  }

  /**
   * The same hits at byte offsets, in any bytes (git's raw output): keywords are ASCII, and an ASCII byte is the same
   * character however the bytes around it decode, so these are the hits of the decoded text, only placed by byte.
   */
  hitsAtByteOffsets(bytes: Uint8Array): KeywordHit[] {
    return this.scan(bytes, false);
  }

  /** The hits of `bytes`, at UTF-16 offsets when `inUnits` (valid UTF-8 only), else at byte offsets. */
  private scan(bytes: Uint8Array, inUnits: boolean): KeywordHit[] {
    const hits: KeywordHit[] = [];
    let unitsBefore = 0;
    for (let start = 0; start < bytes.length; start += WINDOW) {
      const end = Math.min(bytes.length, start + WINDOW);
      const from = Math.max(0, start - this.overlap);
      this.bytes.set(bytes.subarray(from, end), this.textAt);
      const addressOf = (offset: number) => this.textAt + offset - from;
      const laneStarts = this.splitIntoLanes(start, end);
      laneStarts.forEach((laneStart, lane) => this.startLane(lane, addressOf(Math.max(from, laneStart - this.overlap)), addressOf(laneStart)));
      const laneEnd = (lane: number) => (lane + 1 < laneStarts.length ? laneStarts[lane + 1]! : end);
      if (laneStarts.length === 4) this.wasm.four(laneEnd(0) - start);
      this.wasm.one(laneStarts.length - 1, addressOf(end));

      for (let lane = 0; lane < laneStarts.length; lane++) {
        const first = this.outputAt[lane]!;
        const count = (this.lanes[lane * LANE_FIELDS + 2]! - first) / 8;
        // A record holds the address past its keyword: its byte offset is that address less the text's place in
        // memory (the UTF-16 offset too when every character is a byte); otherwise `units` rewrites it in UTF-16 units.
        if (!inUnits) this.collect(first, count, this.textAt - from, hits);
        else {
          unitsBefore = this.wasm.units(addressOf(laneStarts[lane]!), addressOf(laneEnd(lane)), first, count, unitsBefore);
          this.collect(first, count, 0, hits);
        }
      }
    }
    return hits;
  }

  /** Where each lane starts in [start, end): four equal parts, or one lane for a short stretch. */
  private splitIntoLanes(start: number, end: number): number[] {
    if (end - start < FOUR_LANES_FROM) return [start];
    const part = Math.floor((end - start) / 4);
    return [start, start + part, start + 2 * part, start + 3 * part];
  }

  /** Puts a lane at `start` in the state the automaton has there, read from `warmFrom` (the overlap before it). */
  private startLane(lane: number, warmFrom: number, start: number): void {
    const at = lane * LANE_FIELDS;
    this.lanes[at] = warmFrom;
    this.lanes[at + 1] = 0;
    this.lanes[at + 2] = this.scratchAt;
    if (warmFrom < start) this.wasm.one(lane, start);
    this.lanes[at + 2] = this.outputAt[lane]!;
  }

  /** The hits of `count` records from address `first`, each ending where its record says less `shift`. */
  private collect(first: number, count: number, shift: number, hits: KeywordHit[]): void {
    const { firstMatch, matchKeyword, matchNext } = this.tables;
    const records = this.ints;
    for (let r = first >> 2; r < (first >> 2) + 2 * count; r += 2) {
      const end = records[r]! - shift;
      for (let m = firstMatch[records[r + 1]! / this.rowBytes]!; m !== -1; m = matchNext[m]!) {
        const keyword = matchKeyword[m]!;
        hits.push({ keyword: this.keywords[keyword]!, offset: end - this.lengths[keyword]! });
      }
    }
  }
}
