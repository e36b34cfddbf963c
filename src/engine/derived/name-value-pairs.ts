import { DerivedTextBuilder, type DerivedText } from './derived-text.js';
import { matchesNear } from './near-markers.js';
import type { View } from './derive.js';

/**
 * A form that names a value in one place and gives it in another: XML and plist dictionaries, Android resources,
 * Gradle's build arguments, Kotlin's `"name" to "value"`, bundlers' `define`. `name` and `value` (or `value2`) are
 * the regex's groups. The regex runs only around a marker (lower-case, as the keyword pass finds it), never over a
 * whole file.
 */
interface PairForm {
  markers: readonly string[];
  paths: RegExp;
  regex: RegExp;
}

/** How far around a marker a form may stand: a name, its value, and the markup between. */
const REACH = 800;
const VALUE = `[^\\s"'<>\\\\]{8,512}`;
const MARKUP = /\.(?:xml|plist|config|resx|xaml|props|targets|storyboard|xib|entitlements|xcscheme)$/i;
const GRADLE = /\.(?:gradle|kts|kt)$/i;
/** Where bundlers' `define` stands: their config files and build scripts. */
const BUNDLER_CONFIG = /(?:^|\/)(?:[\w.-]*\.config|webpack[\w.-]*|build|esbuild[\w.-]*|rollup[\w.-]*)\.[cm]?[jt]s$/i;

const FORMS: readonly PairForm[] = [
  // plist and XML dictionaries: <key>StripeSecretKey</key> then <string>…</string>, on one line or the next.
  { markers: ['<key>'], paths: MARKUP, regex: new RegExp(`<key>\\s*(?<name>[^<]{1,100}?)\\s*</key>\\s*<string>\\s*(?<value>${VALUE})\\s*</string>`, 'dg') },
  // Android resources and .NET / Java settings: <string name="api_key">…</string>, <add key="ApiKey" value="…" />.
  {
    markers: [' name="', ' key="', ' android:name="'],
    paths: MARKUP,
    regex: new RegExp(
      `<(?:string|item|entry|param|parameter|property|setting|add|env|variable|meta-data)\\b[^>]*?\\s(?:android:)?(?:name|key)\\s*=\\s*"(?<name>[^"]{1,100})"(?:[^>]*?\\s(?:android:)?value\\s*=\\s*"(?<value>${VALUE})"|[^>]*?>\\s*(?<value2>${VALUE})\\s*</)`,
      'dg',
    ),
  },
  // Hadoop-style properties: <name>fs.s3a.secret.key</name> then <value>…</value>.
  { markers: ['<name>'], paths: MARKUP, regex: new RegExp(`<name>\\s*(?<name>[^<]{1,100}?)\\s*</name>\\s*<value>\\s*(?<value>${VALUE})\\s*</value>`, 'dg') },
  // Kubernetes and compose env lists: `- name: PAYMENTS_API_KEY` then `value: "…"` on the next line.
  {
    markers: ['- name:'],
    paths: /\.ya?ml$/i,
    regex: new RegExp(`-[ \\t]+name:[ \\t]*["']?(?<name>[\\w.-]{1,100})["']?[ \\t]*\\r?\\n[ \\t]+value:[ \\t]*["']?(?<value>${VALUE})["']?[ \\t]*$`, 'dgm'),
  },
  // Gradle: buildConfigField("String", "API_KEY", "\"…\""), resValue("string", "api_key", "…").
  {
    markers: ['buildconfigfield'],
    paths: GRADLE,
    regex: new RegExp(`buildConfigField\\s*\\(?\\s*["'][^"'\\n]*["']\\s*,\\s*["'](?<name>\\w{1,100})["']\\s*,\\s*["'](?:\\\\?["'])?(?<value>${VALUE})`, 'dg'),
  },
  { markers: ['resvalue'], paths: GRADLE, regex: new RegExp(`resValue\\s*\\(?\\s*["'][^"'\\n]*["']\\s*,\\s*["'](?<name>\\w{1,100})["']\\s*,\\s*["'](?:\\\\?["'])?(?<value>${VALUE})`, 'dg') },
  // Kotlin maps and manifestPlaceholders: "apiKey" to "…".
  { markers: ['" to "', "' to '"], paths: GRADLE, regex: new RegExp(`["'](?<name>\\w{1,100})["']\\s+to\\s+["'](?<value>${VALUE})["']`, 'dg') },
  // Bundler define / DefinePlugin: 'process.env.API_KEY': JSON.stringify('…'), __API_KEY__: '"…"'.
  {
    markers: ['json.stringify'],
    paths: BUNDLER_CONFIG,
    regex: new RegExp(`["']?(?:process\\.env\\.|import\\.meta\\.env\\.)?(?<name>[A-Za-z_$][\\w$]{0,100})["']?\\s*:\\s*JSON\\.stringify\\(\\s*["'\`](?<value>${VALUE})["'\`]\\s*\\)`, 'dg'),
  },
  {
    markers: [`: '"`],
    paths: BUNDLER_CONFIG,
    regex: new RegExp(`["']?(?:process\\.env\\.|import\\.meta\\.env\\.)?(?<name>[A-Za-z_$][\\w$]{0,100})["']?\\s*:\\s*'"(?<value>${VALUE})"'`, 'dg'),
  },
];

/**
 * Each named value as a reader reads it, `NAME = "value"`, at the value's place in the file: the name-based rules
 * (generic API keys, passwords) then judge it as they judge an assignment.
 */
export const joinNamesAndValues: View = {
  markers: [...new Set(FORMS.flatMap((form) => form.markers))],
  reach: 512,
  readsWithoutMarkers: () => false,
  derive(text, path, hits) {
    const out: DerivedText[] = [];
    for (const form of FORMS) {
      if (!form.paths.test(path)) continue;
      const offsets = hits.offsetsOfAny(form.markers);
      for (const m of matchesNear(text, offsets, form.regex, REACH)) {
        const [start, end] = m.indices!.groups![m.groups!.value !== undefined ? 'value' : 'value2']!;
        // "Stripe Secret Key" reads as Stripe_Secret_Key to the name-based rules.
        const name = m.groups!.name!.trim().replace(/[^\w.-]+/g, '_');
        out.push(new DerivedTextBuilder(text).put(`${name} = "`, start).copy(start, end).put('"', end).build('name-value-pair'));
      }
    }
    return out;
  },
};
