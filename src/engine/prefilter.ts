/**
 * The keyword prefilter: one case-insensitive pass over the text finds every rule keyword, so that a rule's
 * regex runs only near one of its own keywords, and a chunk with no keyword costs that one pass and nothing else.
 */
export interface KeywordHit {
  keyword: string;
  offset: number;
}

export class KeywordPrefilter {
  private readonly pattern: RegExp;

  constructor(keywords: Iterable<string>) {
    const unique = [...new Set([...keywords].map((k) => k.toLowerCase()))];
    // Longest first, so that `smtgw_sk_live_` is reported rather than its tail `sk_live_`... and both are
    // still found: after a hit the search resumes one character later, not after the hit.
    unique.sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(unique.map(escapeRegExp).join('|'), 'gi');
  }

  *hits(text: string): Iterable<KeywordHit> {
    const pattern = new RegExp(this.pattern);
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      yield { keyword: m[0].toLowerCase(), offset: m.index };
      pattern.lastIndex = m.index + 1;
    }
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
