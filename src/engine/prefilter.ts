import { AhoCorasick } from './aho-corasick.js';
import { decodeAutomaton } from './automaton-file.js';
import { KeywordLanes } from './keyword-lanes.js';
import { loadCompiledAutomaton } from './load-rules.js';

/**
 * The keyword prefilter: one case-insensitive pass over the text finds every rule keyword, so that a rule's
 * regex runs only near one of its own keywords, and a chunk with no keyword costs that one pass and nothing else.
 * The pass is an Aho-Corasick automaton, so it costs the same for 50 keywords or 500.
 */
export interface KeywordHit {
  keyword: string;
  offset: number;
}

/** Automata by keyword set: every detector over the same rules shares one (building it takes 10 to 20 ms cold). */
const automata = new Map<string, AhoCorasick>();
let precompiledTried = false;
/** The byte pass of each automaton, made when first asked for (null where WebAssembly is not available). */
const lanesOf = new Map<AhoCorasick, KeywordLanes | null>();

/** The build's automaton of the default rule set, put in the cache the first time one is needed. */
function addPrecompiled(): void {
  if (precompiledTried) return;
  precompiledTried = true;
  const file = loadCompiledAutomaton();
  const decoded = file && decodeAutomaton(file);
  if (!decoded) return;
  automata.set(decoded.keywords.join('\0'), new AhoCorasick(decoded.keywords, decoded.tables));
}

export class KeywordPrefilter {
  private readonly automaton: AhoCorasick;
  /** The keywords, lower-cased, without repeats: the automaton's keyword indexes point into this. */
  readonly keywords: string[];

  constructor(keywords: Iterable<string>) {
    this.keywords = [...new Set([...keywords].map((k) => k.toLowerCase()))];
    const key = this.keywords.join('\0');
    addPrecompiled();
    let automaton = automata.get(key);
    if (!automaton) automata.set(key, (automaton = new AhoCorasick(this.keywords)));
    this.automaton = automaton;
  }

  /**
   * Every occurrence of every keyword (overlapping ones too), in order of where they start; only in the lines that
   * start with `onlyLinesStartingWith` when it is given (a diff's `+`).
   */
  hits(text: string, onlyLinesStartingWith?: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const onMatch = (index: number, offset: number) => hits.push({ keyword: this.keywords[index]!, offset });
    if (onlyLinesStartingWith === undefined) this.automaton.scan(text, onMatch);
    else this.automaton.scanLinesStartingWith(text, onlyLinesStartingWith, onMatch);
    return inOrderOfStart(hits);
  }

  /**
   * The same hits, found in the UTF-8 bytes the text was decoded from, at several times the speed (keyword-lanes.ts);
   * undefined when the bytes are not valid UTF-8 or WebAssembly is not available: the caller then calls `hits`.
   */
  hitsOfUtf8(bytes: Uint8Array): KeywordHit[] | undefined {
    const hits = this.lanes()?.hits(bytes);
    return hits && inOrderOfStart(hits);
  }

  /**
   * The hits of any bytes (git's raw output, which need not be valid UTF-8) at byte offsets, in order of where they
   * start; undefined when WebAssembly is not available.
   */
  hitsAtByteOffsets(bytes: Uint8Array): KeywordHit[] | undefined {
    const hits = this.lanes()?.hitsAtByteOffsets(bytes);
    return hits && inOrderOfStart(hits);
  }

  /** The byte pass of this automaton, made when first asked for; undefined where WebAssembly is not available. */
  private lanes(): KeywordLanes | undefined {
    let lanes = lanesOf.get(this.automaton);
    if (lanes === undefined) lanesOf.set(this.automaton, (lanes = KeywordLanes.create(this.keywords, this.automaton.tables) ?? null));
    return lanes ?? undefined;
  }
}

/**
 * Hits found in order of where they end (as an automaton reports them), put in order of where they start; hits that
 * start together keep their order. Only overlapping keywords are out of order (a hit moves back only past hits that
 * end inside it), so moving each back to its place costs about one comparison a hit: Array.sort's comparator calls cost more than
 * the automaton itself on text dense with keywords (generated HTML, minified bundles).
 */
function inOrderOfStart(hits: KeywordHit[]): KeywordHit[] {
  for (let i = 1; i < hits.length; i++) {
    const hit = hits[i]!;
    let j = i - 1;
    if (hits[j]!.offset <= hit.offset) continue;
    for (; j >= 0 && hits[j]!.offset > hit.offset; j--) hits[j + 1] = hits[j]!;
    hits[j + 1] = hit;
  }
  return hits;
}
