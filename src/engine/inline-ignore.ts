import { allMatches } from './all-matches.js';

/**
 * Inline suppression, as a comment in any language:
 *   `keyward-ignore` on the line itself, or `keyward-ignore-next-line` on the line above,
 *   each optionally followed by the rule ids it covers: `keyward-ignore: generic-api-key, smartpay-test-secret-key`.
 * The markers other scanners document are honoured too (unless the config says `foreignIgnoreMarkers: false`), so
 * that a team switching to keyward keeps the suppressions it already reviewed.
 */
const DIRECTIVE = /keyward-ignore(-next-line)?(?:[:\s]\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))?/g;

/** Other scanners' markers, spelled (and matched, case-sensitively) as their documentation spells them. */
export const FOREIGN_MARKERS: ReadonlyArray<{ marker: string; nextLine: boolean; tool: string }> = [
  { marker: 'gitleaks:allow', nextLine: false, tool: 'gitleaks' },
  { marker: 'trufflehog:ignore', nextLine: false, tool: 'trufflehog' },
  { marker: 'kingfisher:ignore', nextLine: false, tool: 'Kingfisher' },
  { marker: 'kingfisher:allow', nextLine: false, tool: 'Kingfisher' },
  { marker: 'ggignore', nextLine: false, tool: 'ggshield' },
  { marker: 'pragma: allowlist secret', nextLine: false, tool: 'detect-secrets' },
  { marker: 'pragma: allowlist nextline secret', nextLine: true, tool: 'detect-secrets' },
  { marker: 'secretlint-disable-line', nextLine: false, tool: 'secretlint' },
  { marker: 'secretlint-disable-next-line', nextLine: true, tool: 'secretlint' },
];

/** What suppressed a finding: a marker on its own line or on the line above, keyward's own or another tool's. */
export interface Suppression {
  on: 'line' | 'previous';
  own: boolean;
}

export function suppressionOf(ruleId: string, line: string, previousLine: string | undefined, foreign = true): Suppression | undefined {
  if (covers(line, ruleId, false)) return { on: 'line', own: true };
  if (previousLine !== undefined && covers(previousLine, ruleId, true)) return { on: 'previous', own: true };
  if (!foreign) return undefined;
  if (hasForeignMarker(line, false)) return { on: 'line', own: false };
  if (previousLine !== undefined && hasForeignMarker(previousLine, true)) return { on: 'previous', own: false };
  return undefined;
}

export function isSuppressed(ruleId: string, line: string, previousLine: string | undefined, foreign = true): boolean {
  return suppressionOf(ruleId, line, previousLine, foreign) !== undefined;
}

function covers(line: string, ruleId: string, nextLine: boolean): boolean {
  if (!line.includes('keyward-ignore')) return false;
  for (const m of allMatches(DIRECTIVE, line)) {
    if (Boolean(m[1]) !== nextLine) continue;
    const ids = m[2]?.split(',').map((id) => id.trim());
    // Words after the directive that are not rule ids (a reason in prose) leave it covering every rule.
    if (!ids || !ids.some((id) => id.includes('-'))) return true;
    if (ids.includes(ruleId)) return true;
  }
  return false;
}

function hasForeignMarker(line: string, nextLine: boolean): boolean {
  return FOREIGN_MARKERS.some((foreign) => foreign.nextLine === nextLine && line.includes(foreign.marker));
}
