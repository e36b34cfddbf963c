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

export class KeywordPrefilter {
  private readonly automaton: AhoCorasick;
  private readonly keywords: string[];

  constructor(keywords: Iterable<string>) {
    this.keywords = [...new Set([...keywords].map((k) => k.toLowerCase()))];
    this.automaton = new AhoCorasick(this.keywords);
  }

  /** Every occurrence of every keyword (overlapping ones too), in order of where they start. */
  hits(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    this.automaton.scan(text, (index, offset) => hits.push({ keyword: this.keywords[index]!, offset }));
    // The automaton reports a match where it ends; windows are built in order of where they start.
    return hits.length > 1 ? hits.sort((a, b) => a.offset - b.offset) : hits;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
