/**
 * Scanned text and file names are data from whoever wrote the repository: an ESC sequence in them could clear the
 * screen, rewrite the lines above, set the terminal's title, or hide text (bidirectional overrides). Before any of
 * it reaches a terminal or an annotation, control characters are shown as visible escapes (`\x1b`, `\u202e`).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with line breaks and tabs too: for text that must stay on one line. */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control characters as visible escapes; tabs and line breaks are kept. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Control characters, tabs and line breaks as visible escapes: the text stays on one line. */
export function escapeControlInLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK, visible);
}
