import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import { matchesNear } from './near-markers.js';
import type { View } from './derive.js';
import { allMatches } from '../all-matches.js';

const IDENT = '[A-Za-z_$][\\w$]{0,80}';

/**
 * Where a variable is used as a credential, and what that use says the value is: a bearer token, a key header's
 * value, an `api_key` query parameter, a password. Each pattern's `name` group is the variable.
 */
const USES: ReadonlyArray<{ markers: readonly string[]; regex: RegExp; shape: (header: string) => string }> = [
  // `Bearer ${token}`, "Bearer " + token, f"Bearer {token}", "Bearer %s" % token, "Bearer #{token}", "Bearer $token".
  {
    markers: ['bearer '],
    regex: new RegExp(`\\b(Bearer|Token|Bot|Api-Token|Apikey|OAuth)[ \\t]+(?:\\$\\{\\s*(?<a>${IDENT})\\s*\\}|\\{(?<b>${IDENT})\\}|#\\{(?<c>${IDENT})\\}|\\$(?<d>${IDENT})|["'\`]\\s*[+.]\\s*(?<e>${IDENT})\\b(?!\\s*\\())`, 'gi'),
    shape: (scheme) => `Authorization: ${scheme} `,
  },
  // A key header set from a variable: {"X-API-Key": key}, headers["x-api-key"] = key, Header.Set("X-Api-Key", key).
  {
    markers: ['api-key', 'apikey', 'auth-token', 'access-token', 'private-token', 'api-token'],
    regex: new RegExp(`["'](x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-api-token|api-token)["']\\]?\\s*(?:[:,=]|=>)\\s*(?:\\$\\{\\s*(?<a>${IDENT})\\s*\\}|(?<b>${IDENT})\\b(?!\\s*[.(\\[]))`, 'gi'),
    shape: (header) => `${header}: `,
  },
  // A query parameter: ?api_key=${key}, "?api_key=" + key, f"…?api_key={key}".
  {
    markers: ['api_key=', 'apikey=', 'token='],
    regex: new RegExp(`[?&](api_key|apikey|access_token|token)=(?:\\$\\{\\s*(?<a>${IDENT})\\s*\\}|\\{(?<b>${IDENT})\\}|["'\`]\\s*[+.]\\s*(?<c>${IDENT})\\b(?!\\s*\\())`, 'gi'),
    shape: (parameter) => `?${parameter}=`,
  },
  // A password handed to Basic auth: auth=(user, pw), setBasicAuth(user, pw), { username: u, password: pw }.
  {
    markers: ['auth=(', 'auth = (', 'basicauth(', 'basic_auth(', 'password:'],
    regex: new RegExp(`(?:auth\\s*=\\s*\\(|BasicAuth\\(|basic_auth\\(|basicAuth\\()\\s*[^,()\\n]{1,80},\\s*(?<a>${IDENT})\\s*\\)|\\bpassword\\s*:\\s*(?<b>${IDENT})\\s*[,}]`, 'gi'),
    shape: () => 'password = "',
  },
];

/** Names that are no variables of the file's own: keywords and globals. */
const NOT_A_VARIABLE = new Set(['process', 'os', 'env', 'this', 'self', 'null', 'undefined', 'true', 'false', 'None', 'nil', 'config', 'settings', 'options', 'window', 'document']);

/**
 * A literal assigned to a variable whose use elsewhere in the file makes it a credential, whatever its name:
 * `const s = "…"` then `Authorization: \`Bearer ${s}\``. The literal is read as that use would send it
 * (`Authorization: Bearer …`), at its place in the file, so that the rules for that credential judge it. The use
 * usually stands lines after the assignment: in a diff this view sees only what the keyword hits bring.
 */
export const credentialVariables: View = {
  markers: [...new Set(USES.flatMap((use) => use.markers))],
  reach: 0,
  readsWithoutMarkers: () => false,
  derive(text, _path, hits) {
    const shapes = new Map<string, string>();
    for (const use of USES) {
      for (const m of matchesNear(text, hits.offsetsOfAny(use.markers), use.regex, 200)) {
        const name = Object.values(m.groups ?? {}).find((v) => v !== undefined);
        if (!name || NOT_A_VARIABLE.has(name) || shapes.has(name)) continue;
        shapes.set(name, use.shape(m[1] ?? ''));
      }
    }
    if (shapes.size === 0) return [];
    const names = [...shapes.keys()].map((n) => n.replace(/\$/g, '\\$')).join('|');
    // const s = "…", s := "…", String s = "…", val s = "…", s = '…', $s = "…", s: "…" (an object's field).
    const assignment = new RegExp(`(?<![\\w$.])(${names})\\s*(?::\\s*[A-Za-z<>\\[\\]]+\\s*)?(?:=|:=|:)\\s*(["'\`])([^"'\`\\s\\\\]{8,512})\\2`, 'g');
    const out: DerivedText[] = [];
    for (const m of allMatches(assignment, text)) {
      const shape = shapes.get(m[1]!)!;
      const start = m.index + m[0].length - m[3]!.length - 1;
      const end = start + m[3]!.length;
      const builder = new DerivedTextBuilder(text).put(shape, start).copy(start, end);
      if (shape.endsWith('"')) builder.put('"', end);
      out.push(builder.build('credential-variable'));
    }
    return out;
  },
};
