import { escapeControlInLine } from '../engine/control-characters.js';

/**
 * Text for HTML and XML, in content and in quoted attributes alike: the five characters that matter as entities
 * (`&apos;` is both XML's and HTML5's), and control characters shown as escapes (XML 1.0 cannot hold most of them, and
 * a page should not carry a terminal's).
 */
export function escapeMarkup(text: string | number | undefined): string {
  return escapeControlInLine(String(text ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
