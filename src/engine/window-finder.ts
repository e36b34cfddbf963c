/**
 * The stretch of text a rule's regex may look at around a keyword hit: the hit's line, but at most `reach`
 * characters either side, so that a 50 MB single-line bundle costs no more than a file of short lines.
 *
 * Hits arrive in ascending order, so the search for line breaks resumes where the last one stopped: a text with a
 * million hits on one line is read once, not a million times.
 */
export class WindowFinder {
  private lastBreak = -1;
  private scannedBack = 0;
  private nextBreak = -1;
  private scannedForward = 0;

  constructor(
    private readonly text: string,
    private readonly reach: number,
  ) {}

  /** Start of the window for a hit at `offset` (offsets must not decrease between calls). */
  startFor(offset: number): number {
    const floor = Math.max(0, offset - this.reach);
    for (let i = Math.max(this.scannedBack, floor); i < offset; i++) {
      if (this.text.charCodeAt(i) === 10) this.lastBreak = i;
    }
    this.scannedBack = Math.max(this.scannedBack, offset);
    return Math.max(this.lastBreak + 1, floor);
  }

  /** End of the window for a hit ending at `offset` (exclusive; the line break, or the reach). */
  endFor(offset: number): number {
    const limit = Math.min(this.text.length, offset + this.reach);
    if (this.nextBreak >= offset) return Math.min(this.nextBreak, limit);
    for (let i = Math.max(this.scannedForward, offset); i < limit; i++) {
      if (this.text.charCodeAt(i) === 10) {
        this.nextBreak = i;
        this.scannedForward = i + 1;
        return i;
      }
    }
    this.scannedForward = Math.max(this.scannedForward, limit);
    return limit;
  }
}
