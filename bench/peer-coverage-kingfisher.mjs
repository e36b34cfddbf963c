// Peer coverage: the `examples:` (and `negative_examples:`, where a rule has them) of Kingfisher's rules through
// keyward's detector. Needs a Kingfisher checkout (no network in CI):
//   node bench/peer-coverage-kingfisher.mjs path/to/kingfisher/data/rules [file-regex]
//   CLAIMED=1 only providers keyward has rules for; SHOW=1 lists the misses and the false alarms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createDetector } from '../dist/src/scan/create-detector.js';
import { configSchema } from '../dist/src/config/schema.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/peer-coverage-kingfisher.mjs path/to/kingfisher/data/rules [file-regex]');
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
const detector = await createDetector(configSchema.parse({}));
const vendors = detector.rules.map((rule) => `${rule.id} ${(rule.definition.vendor ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')}`.replace(/-/g, ''));
const claimed = (file) => vendors.some((entry) => entry.includes(file.replace(/\.ya?ml$/, '').replace(/[^a-z0-9]/g, '')));
let examples = 0, found = 0, negatives = 0, alarms = 0;
const misses = [], falseAlarms = [];
for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
  if ((only && !only.test(file)) || (process.env.CLAIMED && !claimed(file))) continue;
  let data;
  try {
    data = parse(readFileSync(join(dir, file), 'utf8'));
  } catch {
    continue;
  }
  for (const rule of data?.rules ?? []) {
    for (const text of rule.examples ?? []) {
      examples++;
      if (detector.detect({ origin: { path: 'config.txt' }, text: String(text) }).length) found++;
      else misses.push(`${file} ${rule.id}: ${String(text).slice(0, 120)}`);
    }
    for (const text of rule.negative_examples ?? []) {
      negatives++;
      if (detector.detect({ origin: { path: 'config.txt' }, text: String(text) }).length) {
        alarms++;
        falseAlarms.push(`${file} ${rule.id}: ${String(text).slice(0, 120)}`);
      }
    }
  }
}
console.log(`Kingfisher examples found ${found}/${examples} (${((100 * found) / examples).toFixed(1)}%); false alarms on ${alarms}/${negatives} negative examples`);
if (process.env.SHOW) console.log(['--- misses', ...misses, '--- false alarms', ...falseAlarms].join('\n'));
