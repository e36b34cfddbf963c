/**
 * Aho-Corasick over ASCII, case-insensitive: one pass over the text finds every occurrence of every keyword, in
 * time that does not grow with the number of keywords. (A regex alternation of 200+ keywords runs at a quarter of
 * the speed: V8 tries the alternatives one by one.) Non-ASCII characters match no keyword.
 */
export class AhoCorasick {
  /** Transitions: state * 128 + character → next state (the full automaton, failure links folded in). */
  private readonly next: Int32Array;
  /** For each state, the index of the first of its matches in `matchKeyword`, or -1. */
  private readonly firstMatch: Int32Array;
  private readonly matchKeyword: number[] = [];
  private readonly matchNext: number[] = [];

  constructor(readonly keywords: readonly string[]) {
    const goto: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (const code of lowerCodes(keyword)) {
        let target = goto[state]!.get(code);
        if (target === undefined) {
          target = goto.length;
          goto.push(new Map());
          outputs.push([]);
          goto[state]!.set(code, target);
        }
        state = target;
      }
      outputs[state]!.push(index);
    });

    const states = goto.length;
    this.next = new Int32Array(states * 128);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const target = goto[0]!.get(c) ?? 0;
      this.next[c] = target;
      if (target) queue.push(target);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let c = 0; c < 128; c++) {
        const target = goto[state]!.get(c);
        if (target === undefined) {
          this.next[state * 128 + c] = this.next[fail[state]! * 128 + c]!;
        } else {
          fail[target] = this.next[fail[state]! * 128 + c]!;
          this.next[state * 128 + c] = target;
          queue.push(target);
        }
      }
    }
    this.firstMatch = new Int32Array(states).fill(-1);
    for (let state = 0; state < states; state++) {
      let previous = -1;
      for (const keyword of [...new Set(outputs[state])].reverse()) {
        this.matchKeyword.push(keyword);
        this.matchNext.push(previous);
        previous = this.matchKeyword.length - 1;
      }
      this.firstMatch[state] = previous;
    }
  }

  /** Calls `onMatch(keywordIndex, startOffset)` for every occurrence, in order of where they end. */
  scan(text: string, onMatch: (keyword: number, start: number) => void): void {
    const next = this.next;
    const firstMatch = this.firstMatch;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) c = 0;
      else if (c >= 65 && c <= 90) c += 32;
      state = next[(state << 7) | c]!;
      for (let m = firstMatch[state]!; m !== -1; m = this.matchNext[m]!) {
        const keyword = this.matchKeyword[m]!;
        onMatch(keyword, i - this.keywords[keyword]!.length + 1);
      }
    }
  }
}

function lowerCodes(keyword: string): number[] {
  return [...keyword.toLowerCase()].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 128) throw new Error(`keywords are ASCII: "${keyword}"`);
    return code;
  });
}
