/**
 * Every match of a global regex in `text`, as `text.matchAll(regex)` gives them, without the copy of the regex that
 * matchAll makes on every call (a RegExp built and looked up in V8's cache: about a microsecond, and a scan makes
 * tens of thousands of these calls, a few per chunk or line). All matches are collected before any is handled, so
 * the shared regex is never in use in two places at once.
 */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  if (!regex.global) throw new TypeError(`allMatches needs a global regex: ${regex}`);
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    matches.push(m);
    if (m[0] === '') regex.lastIndex = afterEmptyMatch(text, regex);
  }
  return matches;
}

/** Where the search goes on after an empty match: one code unit on, or one code point with the u or v flag. */
function afterEmptyMatch(text: string, regex: RegExp): number {
  const at = regex.lastIndex;
  if (!/[uv]/.test(regex.flags)) return at + 1;
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}
