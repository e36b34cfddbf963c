/** Maps offsets in a text to 1-based lines and columns; built only for texts that have a finding. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based index of the line holding `offset`. */
  lineIndexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(index: number): number {
    return this.starts[index] ?? this.text.length;
  }

  /** The text of line `index`, without its line break (and without a CR before it). */
  lineText(index: number): string {
    if (index < 0 || index >= this.starts.length) return '';
    const start = this.starts[index]!;
    const next = this.starts[index + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}
