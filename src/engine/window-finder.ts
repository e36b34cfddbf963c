/**
 * The stretch of text a rule's regex may look at around a keyword hit: the hit's line, but at most `reach`
 * characters either side, so that a 50 MB single-line bundle costs no more than a file of short lines.
 *
 * Hits arrive in ascending order, so the search for line breaks resumes where the last one stopped: a text with a
 * million hits on one line is read once, not a million times. The searches are the engine's own (`lastIndexOf` on a
 * slice, which bounds it; `indexOf`, whose answer serves every later hit before it): a fifth of the time of a loop
 * over the characters on real code.
 */
export class WindowFinder {
  /** The last line break before `scannedBack` that the backward searches found (-1: none). */
  private lastBreak = -1;
  private scannedBack = 0;
  /** The first line break at or after the last offset `endFor` searched from (the text's length: none). */
  private nextBreak = -1;

  constructor(
    private readonly text: string,
    private readonly reach: number,
  ) {}

  /** Start of the window for a hit at `offset` (offsets must not decrease between calls). */
  startFor(offset: number): number {
    const floor = Math.max(0, offset - this.reach);
    const from = Math.max(this.scannedBack, floor);
    if (from < offset) {
      const found = this.text.slice(from, offset).lastIndexOf('\n');
      if (found !== -1) this.lastBreak = from + found;
    }
    this.scannedBack = Math.max(this.scannedBack, offset);
    return Math.max(this.lastBreak + 1, floor);
  }

  /** End of the window for a hit ending at `offset` (exclusive; the line break, or the reach). */
  endFor(offset: number): number {
    if (this.nextBreak < offset) {
      const found = this.text.indexOf('\n', offset);
      this.nextBreak = found === -1 ? this.text.length : found;
    }
    return Math.min(this.nextBreak, offset + this.reach);
  }
}
