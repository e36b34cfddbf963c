// Peer coverage: secretlint's rule snapshots (each rule package's test/snapshots/<case>/input.* with the messages
// secretlint expects in output.json) through keyward's detector. Needs a secretlint checkout (no network in CI):
//   node bench/peer-coverage-secretlint.mjs path/to/secretlint/packages/@secretlint
//   SHOW=1 lists the misses and the false alarms.
// A message counts as found when keyward reports a finding on one of its lines. Messages on values keyward judges to be
// placeholders (sk_live_AAAA…, xoxb-XXXX…) are counted apart: keyward stays quiet on them by design.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDetector } from '../dist/src/scan/create-detector.js';
import { configSchema } from '../dist/src/config/schema.js';
import { whyNotAKey } from '../dist/src/engine/not-a-key.js';

const root = process.argv[2];
if (!root) throw new Error('usage: node bench/peer-coverage-secretlint.mjs path/to/secretlint/packages/@secretlint');
// Rules about something other than a credential's shape: file names, home paths, comments, presets, the example rule.
const SKIP = /preset|pattern|filter-comments|example|no-homedir|no-dotenv|source-creator|secp256k1/;
const detector = await createDetector(configSchema.parse({}));
let messages = 0, found = 0, placeholders = 0, quietCases = 0, alarms = 0;
const misses = [], falseAlarms = [];
for (const pkg of readdirSync(root).filter((name) => name.startsWith('secretlint-rule-') && !SKIP.test(name))) {
  const snapshots = join(root, pkg, 'test/snapshots');
  if (!existsSync(snapshots)) continue;
  for (const name of readdirSync(snapshots)) {
    const dir = join(snapshots, name);
    if (!statSync(dir).isDirectory()) continue;
    const input = readdirSync(dir).find((file) => file.startsWith('input'));
    if (!input || !existsSync(join(dir, 'output.json'))) continue;
    const text = readFileSync(join(dir, input), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, 'output.json'), 'utf8')).messages ?? [];
    const lines = new Set(detector.detect({ origin: { path: `${name}/${input}` }, text }).map((f) => f.location.line));
    if (expected.length === 0) {
      quietCases++;
      if (lines.size) { alarms++; falseAlarms.push(`${pkg}/${name}: lines ${[...lines].join(',')}`); }
      continue;
    }
    for (const message of expected) {
      const secret = text.slice(message.range[0], message.range[1]);
      // A multi-line secret (a PEM key) is found when keyward reports any line of it.
      const lastLine = message.loc.end?.line ?? message.loc.start.line;
      if ([...lines].some((line) => line >= message.loc.start.line && line <= lastLine)) found++;
      else if (whyNotAKey(secret.replace(/^[a-z]+[_-](?:[a-z]+[_-])?/i, ''))) placeholders++;
      else misses.push(`${pkg}/${name}:${message.loc.start.line} ${secret.slice(0, 60)}`);
      messages++;
    }
  }
}
const real = messages - placeholders;
console.log(`secretlint messages found ${found}/${real} (${((100 * found) / real).toFixed(1)}%) of those not placeholders; ${placeholders} placeholders left quiet by design; false alarms in ${alarms}/${quietCases} clean cases`);
if (process.env.SHOW) console.log(['--- misses', ...misses, '--- false alarms', ...falseAlarms].join('\n'));
