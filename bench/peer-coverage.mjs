// Peer coverage: gitleaks' own rule tests (the literal strings of each rule file's tps and fps) through keyward's
// detector. Needs a gitleaks checkout (not fetched here: no network in CI):
//   node bench/peer-coverage.mjs path/to/gitleaks/cmd/generate/config/rules [file-regex]
//   CLAIMED=1 only providers keyward has rules for; SHOW=1 lists misses and false alarms; FILES=1 misses per file.
// Strings built at run time (GenerateSampleSecrets, concatenations) cannot be read from the source: the figures
// count the literal strings only, and a literal that is a fragment of a concatenation counts as a miss.
import { readFileSync, readdirSync } from 'node:fs';
import { createDetector } from '../dist/src/scan/create-detector.js';
import { configSchema } from '../dist/src/config/schema.js';
const d = await createDetector(configSchema.parse({}));
const goString = /`([^`]*)`|"((?:\\.|[^"\\])*)"/g;
function blocks(src, name) {
  const out = [];
  const re = new RegExp(`${name}\\s*:?=\\s*(?:\\[\\]string\\{|append\\(${name},)`, 'g');
  for (const m of src.matchAll(re)) {
    let depth = 1, i = m.index + m[0].length;
    const open = m[0].endsWith('{') ? '{' : '(', close = open === '{' ? '}' : ')';
    for (; i < src.length && depth > 0; i++) { if (src[i] === open) depth++; else if (src[i] === close) depth--; }
    out.push(src.slice(m.index + m[0].length, i - 1));
  }
  return out;
}
const unq = (m) => m[1] !== undefined ? m[1] : JSON.parse('"' + m[2] + '"');
let T = 0, TF = 0, F = 0, FF = 0; const misses = [], alarms = [];
const rulesDir = process.argv[2];
if (!rulesDir) throw new Error('usage: node bench/peer-coverage.mjs path/to/gitleaks/cmd/generate/config/rules [file-regex]');
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
const claimedOnly = !!process.env.CLAIMED;
const ruleIds = d.rules.map((r) => r.id + ' ' + (r.definition.vendor ?? '').toLowerCase().replace(/[^a-z0-9]/g, ''));
const claimed = (file) => { const name = file.replace('.go', '').replace(/_/g, ''); return ruleIds.some((id) => id.replace(/-/g, '').includes(name)); };
for (const file of readdirSync(rulesDir).filter((name) => name.endsWith('.go'))) {
  if (only && !only.test(file)) continue;
  const src = readFileSync(`${rulesDir}/${file}`, 'utf8');
  for (const [kind, list] of [['tps', blocks(src, 'tps')], ['fps', blocks(src, 'fps')]]) {
    for (const block of list) {
      // skip helper calls' arguments: GenerateSampleSecrets("x", secret) makes a sample at run time
      for (const m of block.replace(/utils\.\w+\([^)]*\)/g, '').matchAll(goString)) {
        const text = unq(m); if (text.length < 12 || /%[sdv]|\]\{|^\s*[,;]|^\s*\/\//.test(text)) continue;
        if (claimedOnly && !claimed(file)) continue;
        const found = d.detect({ origin: { path: 'config.txt' }, text }).length > 0;
        if (kind === 'tps') { T++; if (found) TF++; else misses.push(`${file}: ${text.slice(0, 140)}`); }
        else { F++; if (found) { FF++; alarms.push(`${file}: ${text.slice(0, 140)}`); } }
      }
    }
  }
}
const perFile = {}; for (const m of misses) { const f = m.split(':')[0]; perFile[f] = (perFile[f] ?? 0) + 1; }
if (process.env.FILES) console.log(perFile);
console.log(`true positives found ${TF}/${T} (${(100*TF/T).toFixed(1)}%), false alarms ${FF}/${F} (${(100*FF/F).toFixed(1)}%)`);
if (process.env.SHOW) { console.log('--- misses'); console.log(misses.join('\n')); console.log('--- alarms'); console.log(alarms.join('\n')); }
