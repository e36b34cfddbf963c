/**
 * A stretch of text as a reader sees it where the file spells it otherwise: a key folded from concatenated pieces,
 * a value decoded from base64 or unescaped from a JSON string, a name and its value joined from two lines of XML.
 * The detector reads it as it reads the file; a match in it points back to where its pieces stand in the file.
 */
export interface DerivedText {
  /** Which view made it (for tests, and for the next engineer reading a finding). */
  view: string;
  text: string;
  /**
   * The offset in the file's text that an offset in `text` stands for. A start maps to the start of the piece it
   * falls in, an end to the end of its piece, so that a key decoded from base64 spans the whole encoded value.
   */
  sourceOffset(offset: number, side: 'start' | 'end'): number;
}

/** A piece of derived text, and the stretch of the file it stands for. */
interface Piece {
  at: number;
  sourceStart: number;
  sourceEnd: number;
  /** Copied character for character: offsets map one to one. Otherwise the piece stands for its whole source. */
  verbatim: boolean;
}

/** Builds a derived text from copied stretches of the file and put-in text (a decoded or joined value). */
export class DerivedTextBuilder {
  private text = '';
  private readonly pieces: Piece[] = [];

  constructor(private readonly source: string) {}

  get length(): number {
    return this.text.length;
  }

  /** Appends the file's text between `from` and `to`, as it is. */
  copy(from: number, to: number): this {
    if (to <= from) return this;
    this.pieces.push({ at: this.text.length, sourceStart: from, sourceEnd: to, verbatim: true });
    this.text += this.source.slice(from, to);
    return this;
  }

  /** Appends text that stands for the file's text between `sourceStart` and `sourceEnd` (a quote, a decoded value). */
  put(text: string, sourceStart: number, sourceEnd = sourceStart): this {
    if (!text) return this;
    this.pieces.push({ at: this.text.length, sourceStart, sourceEnd, verbatim: false });
    this.text += text;
    return this;
  }

  build(view: string): DerivedText {
    const pieces = this.pieces;
    const total = this.text.length;
    return {
      view,
      text: this.text,
      sourceOffset(offset, side) {
        // The last piece starting at or before the offset (an end looks at the piece the last character is in).
        const probe = side === 'end' ? Math.max(0, offset - 1) : Math.min(offset, total - 1);
        let low = 0;
        let high = pieces.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (pieces[mid]!.at <= probe) low = mid;
          else high = mid - 1;
        }
        const piece = pieces[low]!;
        if (piece.verbatim) return Math.min(piece.sourceStart + (offset - piece.at), piece.sourceEnd);
        return side === 'start' ? piece.sourceStart : piece.sourceEnd;
      },
    };
  }
}

/** A derived text of a derived text (a split key inside a notebook's escaped source), mapped through both to the file. */
export function composed(outer: DerivedText, inner: DerivedText): DerivedText {
  return {
    view: `${inner.view}+${outer.view}`,
    text: outer.text,
    sourceOffset: (offset, side) => inner.sourceOffset(outer.sourceOffset(offset, side), side),
  };
}
