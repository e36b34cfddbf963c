// A history of the shape that made twilio-node's history take minutes: a few release commits that each regenerate
// many typedoc HTML pages, every page one line of ~100,000 characters full of the words rules look for (apiKey,
// token, secret, Authorization), plus one committed bundle larger than --max-file-size with a key in it.
import { join } from 'node:path';
import { alnum, keys } from './corpus.mjs';
import { git } from './git-corpus.mjs';
import { reusedCorpus } from './reused-corpus.mjs';

/** Bumped whenever this file changes what it writes, so a cached repository is rebuilt. */
const GENERATOR = 1;

/** One typedoc-like page: one line of `chars` characters of markup that names credentials everywhere, and no key. */
function typedocPage(release, page, chars) {
  const parts = [`<!DOCTYPE html><html><head><title>Client ${page} | sdk v${release}</title></head><body>`];
  let length = parts[0].length;
  for (let i = 0; length < chars; i++) {
    const part =
      `<section class="tsd-member"><h3 id="m${i}">${['apiKey', 'authToken', 'accountSid', 'password', 'secret'][i % 5]}${i}</h3>` +
      `<div class="tsd-signature">constructor(username: string, password: string, opts?: { apiKey?: string; token_${alnum(6)}: string })</div>` +
      `<p>Pass your API key in the Authorization header: <code>Authorization: Bearer &lt;token&gt;</code> (release ${release}).</p></section>`;
    parts.push(part);
    length += part.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

/**
 * `releases` commits, each regenerating `pages` pages of `chars` characters (one line each); the last one also
 * commits `dist/bundle.js`, a file of `bundleBytes` bytes holding a live key (larger than --max-file-size, so it is
 * skipped and reported, not read). Reused when already built.
 */
export function buildLongLineRepo(dir, { releases = 4, pages = 40, chars = 100_000, bundleBytes = 2 * 1024 * 1024 } = {}) {
  const settings = { releases, pages, chars, bundleBytes, generator: GENERATOR };
  return reusedCorpus(dir, join(dir, '.git', 'bench.json'), settings, () => writeLongLineRepo(dir, settings));
}

function writeLongLineRepo(dir, { releases, pages, chars, bundleBytes }) {
  git(dir, ['init', '-q', '-b', 'main']);
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}`;
  const chunks = [];
  for (let release = 1; release <= releases; release++) {
    const lines = [`commit refs/heads/main`, `committer Bench <bench@example.com> ${1_700_000_000 + release} +0000`, data(`release ${release}`)];
    for (let page = 0; page < pages; page++) lines.push(`M 100644 inline docs/classes/Client${page}.html`, data(typedocPage(release, page, chars)));
    if (release === releases) {
      const filler = 'var a=function(){return 1};'.repeat(Math.ceil(bundleBytes / 27)).slice(0, bundleBytes);
      lines.push('M 100644 inline dist/bundle.js', data(`${filler}var k="${keys.spLive()}";\n`));
    }
    chunks.push(lines.join('\n'));
  }
  git(dir, ['fast-import', '--quiet'], `${chunks.join('\n')}\n`);
  git(dir, ['checkout', '-q', '-f', 'main']);
  return { patchBytes: git(dir, ['log', '-p', '--all']).length };
}
