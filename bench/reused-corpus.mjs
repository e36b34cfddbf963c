// The bench's generated corpora take minutes to make (500 MB of files, 10,000 commits, 200 repositories) and come
// out the same from run to run: each is made once, and reused while it was made with the same settings.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The facts of the corpus in `dir`, read back from `marker` when `dir` was made with these `settings`; else `dir` is
 * emptied, `make()` fills it and returns its facts, and they are written to `marker` with the settings.
 */
export function reusedCorpus(dir, marker, settings, make) {
  if (existsSync(marker) && existsSync(dir)) {
    const facts = JSON.parse(readFileSync(marker, 'utf8'));
    if (JSON.stringify(facts.settings) === JSON.stringify(settings)) return facts;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const facts = { ...make(), settings };
  writeFileSync(marker, JSON.stringify(facts));
  return facts;
}
