import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import type { View } from './derive.js';
import { allMatches } from '../all-matches.js';
import { AsciiSet } from '../ascii-set.js';

/** A quoted base64 value long enough to hold a key (24 bytes encode to 32 characters). */
const QUOTED_BASE64 = /(["'`])([A-Za-z0-9+/]{32,}={0,2})\1/g;
/** The base64 characters QUOTED_BASE64 needs right after its opening quote. */
const QUOTED_RUN = 32;
/** A Kubernetes Secret's data entry: `  name: base64` (the whole manifest is the context: `kind: Secret`). */
const SECRET_DATA_ENTRY = /^[ \t]+["']?([\w.-]{1,253})["']?:[ \t]*["']?([A-Za-z0-9+/]{4,}={0,2})["']?[ \t]*\r?$/gm;
/** A data URL of text (a source map, JSON, a script, a form): images and fonts are left alone. */
export const DATA_URL = /data:(?:text\/[\w.+-]+|application\/(?:json|javascript|x-javascript|xml|x-sh|x-www-form-urlencoded|octet-stream))?(?:;[\w-]+=[\w.-]+)*;base64,([A-Za-z0-9+/]{16,}={0,2})/g;
/** DATA_URL tried at one place only. */
const DATA_URL_HERE = new RegExp(DATA_URL.source, 'y');
/**
 * Quoted base64 in general is decoded in files up to this size: people write configs and code this small, while
 * bundles and generated files are larger and full of quoted base64 that is not theirs (fonts, images, wasm).
 */
const MAX_TEXT_FOR_QUOTED = 256 * 1024;
/** Decoded values larger than this are not scanned again (a source map of a large bundle still is). */
const MAX_DECODED = 4 * 1024 * 1024;

/**
 * Base64 values decoded and read as text, as Kingfisher does: a Kubernetes Secret's `data:` entries (each as
 * `name: "value"`, or the decoded file when it has lines of its own), data URLs of text, and quoted base64 strings
 * that decode to text. A match in a decoded value spans the whole encoded value in the file.
 */
export const decodeBase64Values: View = {
  markers: ['kind: secret', '"kind": "secret"', ';base64,'],
  holdsText: true,
  reach: 4096,
  readsWithoutMarkers: (text) => text.length <= MAX_TEXT_FOR_QUOTED,
  derive(text, _path, hits) {
    const out: DerivedText[] = [];
    if (hits.offsetsOf('kind: secret').length || hits.offsetsOf('"kind": "secret"').length) {
      for (const m of allMatches(SECRET_DATA_ENTRY, text)) {
        const start = m.index + m[0].indexOf(m[2]!, m[0].indexOf(':'));
        const decoded = decodedText(m[2]!);
        if (decoded === undefined) continue;
        const shown = decoded.includes('\n') ? decoded : `${m[1]}: "${decoded}"`;
        out.push(new DerivedTextBuilder(text).put(shown, start, start + m[2]!.length).build('base64'));
      }
    }
    const markers = hits.offsetsOf(';base64,');
    if (markers.length) {
      for (const m of dataUrlsAt(text, markers)) {
        const start = m.index + m[0].length - m[1]!.length;
        const decoded = decodedText(m[1]!);
        if (decoded !== undefined) out.push(new DerivedTextBuilder(text).put(decoded, start, start + m[1]!.length).build('base64'));
      }
    }
    if (text.length > MAX_TEXT_FOR_QUOTED || !holdsQuoteBeforeBase64Run(text)) return out;
    for (const m of allMatches(QUOTED_BASE64, text)) {
      const value = m[2]!;
      if (value.length % 4 !== 0) continue;
      const decoded = decodedText(value);
      if (decoded !== undefined) out.push(new DerivedTextBuilder(text).put(decoded, m.index + 1, m.index + 1 + value.length).build('base64'));
    }
    return out;
  },
};

/**
 * The DATA_URL matches in `text`, found from where `;base64,` stands (`markers`, ascending; in any case, as the
 * keyword pass finds it) rather than by searching the whole text: a bundle that holds its source map is megabytes.
 * No character between `data:` and `;base64,` can be a colon or a comma, so a URL that holds a marker starts at the
 * last `data:` before it, and holds the first marker after that start: one try there finds what the global search
 * finds, match for match and in the same order.
 */
export function dataUrlsAt(text: string, markers: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let lastStart = -1;
  // Where the last match ended: the global search goes on from there.
  let searchedTo = 0;
  for (const marker of markers) {
    const start = text.lastIndexOf('data:', marker - 'data:'.length);
    // Tried already (for an earlier marker, in vain), or inside the last match: the global search never starts there.
    if (start === -1 || start === lastStart || start < searchedTo) continue;
    lastStart = start;
    DATA_URL_HERE.lastIndex = start;
    const m = DATA_URL_HERE.exec(text);
    if (!m) continue;
    found.push(m);
    searchedTo = start + m[0].length;
  }
  return found;
}

const BASE64_CHARACTERS = new AsciiSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const isBase64Character = (code: number) => BASE64_CHARACTERS.has(code);
const isQuote = (code: number) => code === 0x22 || code === 0x27 || code === 0x60;

/**
 * Whether a quote is followed by QUOTED_RUN base64 characters somewhere in `text`, as every QUOTED_BASE64 match
 * needs. Few files hold one (108 of 7,873 in a node_modules tree), and the regex costs a step at every quote, while
 * this check skips ahead: a candidate quote at `q` needs q+1 … q+QUOTED_RUN to be base64, so the check looks at the
 * last of them first, and when that one is not, no quote from q to it can start a run.
 */
export function holdsQuoteBeforeBase64Run(text: string): boolean {
  let q = 0;
  while (q + QUOTED_RUN < text.length) {
    if (!isBase64Character(text.charCodeAt(q + QUOTED_RUN))) {
      q += QUOTED_RUN;
      continue;
    }
    let j = q + QUOTED_RUN - 1;
    while (j > q && isBase64Character(text.charCodeAt(j))) j--;
    // Not base64 at j: the next quote that can start a run is j itself.
    if (j > q) {
      q = j;
      continue;
    }
    if (isQuote(text.charCodeAt(q))) return true;
    // q is no quote, and the base64 run after it holds none: the next candidate is where the run ends.
    q += QUOTED_RUN + 1;
    while (q < text.length && isBase64Character(text.charCodeAt(q))) q++;
  }
  return false;
}

/** The value decoded, when it is text (UTF-8, no control character but blanks): a hash or an image decodes to bytes. */
function decodedText(value: string): string | undefined {
  if (value.length * 0.75 > MAX_DECODED) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0) return undefined;
  for (const byte of bytes) {
    if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) return undefined;
  }
  const decoded = bytes.toString('utf8');
  return decoded.includes('\uFFFD') ? undefined : decoded;
}
