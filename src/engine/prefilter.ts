import { AhoCorasick } from './aho-corasick.js';

/**
 * The keyword prefilter: one case-insensitive pass over the text finds every rule keyword, so that a rule's
 * regex runs only near one of its own keywords, and a chunk with no keyword costs that one pass and nothing else.
 * The pass is an Aho-Corasick automaton, so it costs the same for 50 keywords or 500.
 */
export interface KeywordHit {
  keyword: string;
  offset: number;
}

/** Automata by keyword set: every detector over the built-in rules shares one (building it takes some 20 ms). */
const automata = new Map<string, AhoCorasick>();

export class KeywordPrefilter {
  private readonly automaton: AhoCorasick;
  private readonly keywords: string[];

  constructor(keywords: Iterable<string>) {
    this.keywords = [...new Set([...keywords].map((k) => k.toLowerCase()))];
    const key = this.keywords.join('\0');
    let automaton = automata.get(key);
    if (!automaton) automata.set(key, (automaton = new AhoCorasick(this.keywords)));
    this.automaton = automaton;
  }

  /** Every occurrence of every keyword (overlapping ones too), in order of where they start. */
  hits(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    this.automaton.scan(text, (index, offset) => hits.push({ keyword: this.keywords[index]!, offset }));
    // The automaton reports a match where it ends; windows are built in order of where they start.
    return hits.length > 1 ? hits.sort((a, b) => a.offset - b.offset) : hits;
  }
}
