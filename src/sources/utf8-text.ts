import { isAscii } from 'node:buffer';

/** Stretches checked for non-ASCII bytes at once (a native check), then again in finer steps where one is. */
const COARSE = 64 * 1024;
const FINE = 1024;
/** Past this many pieces the text is not mostly ASCII: it is decoded in one go. */
const MOST_PIECES = 1024;

/**
 * The same string as `bytes.toString('utf8')`, made faster for what a scanner mostly reads. ASCII is copied as Latin-1,
 * which needs no decoding. A large file that is mostly ASCII (a bundle, a type declaration file, with a handful of
 * non-ASCII characters) is decoded only in the stretches around those characters, the rest copied. Decoding was a
 * tenth of a tree scan's time, most of it in such files. Each stretch starts and ends beside an ASCII byte, which the
 * decoder never takes into a character, valid or not: invalid UTF-8 gets the same replacement characters either way.
 */
export function utf8Text(bytes: Buffer): string {
  const length = bytes.length;
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (length < 4 * FINE) return bytes.toString('utf8');
  const pieces: string[] = [];
  // Where the next piece starts: always a character's first byte (an ASCII byte, or the start).
  let copied = 0;
  for (let coarse = 0; coarse < length; coarse += COARSE) {
    const coarseEnd = Math.min(length, coarse + COARSE);
    if (coarseEnd <= copied || isAscii(bytes.subarray(Math.max(coarse, copied), coarseEnd))) continue;
    for (let fine = Math.max(coarse, copied); fine < coarseEnd; ) {
      const fineEnd = Math.min(length, fine + FINE);
      if (isAscii(bytes.subarray(fine, fineEnd))) {
        fine = fineEnd;
        continue;
      }
      // Decoded up to the next ASCII byte, so that no character is cut.
      let decodedEnd = fineEnd;
      while (decodedEnd < length && bytes[decodedEnd]! >= 0x80) decodedEnd++;
      if (fine > copied) pieces.push(bytes.toString('latin1', copied, fine));
      pieces.push(bytes.toString('utf8', fine, decodedEnd));
      if (pieces.length > MOST_PIECES) return bytes.toString('utf8');
      copied = fine = decodedEnd;
    }
  }
  if (copied < length) pieces.push(bytes.toString('latin1', copied, length));
  return pieces.join('');
}
