import { describe, expect, it } from 'vitest';
import { DiffParser, unquote, type AddedLines, type DiffNote } from '../../src/sources/diff-parser.js';
import { defaultDetector } from '../helpers/detector.js';

function parse(text: string) {
  const added: AddedLines[] = [];
  const notes: DiffNote[] = [];
  const parser = new DiffParser((a) => added.push(a), (n) => notes.push(n));
  for (const line of text.split('\n')) parser.line(line);
  parser.end();
  return { added, notes };
}

describe('DiffParser', () => {
  it('yields added lines with their new line numbers, per commit and file', () => {
    const { added } = parse(
      [
        '\x01abc\0Ada\0ada@example.com\x002024-01-01T00:00:00Z',
        'diff --git a/sp ace.txt b/sp ace.txt',
        'index 1..2 100644',
        '--- a/sp ace.txt\t',
        '+++ b/sp ace.txt\t',
        '@@ -1,0 +2,2 @@ context',
        '+second',
        '+third',
        '@@ -9 +10 @@',
        '-old',
        '+++ this added line starts with two pluses',
        '\\ No newline at end of file',
      ].join('\n'),
    );
    expect(added).toEqual([
      {
        commit: { sha: 'abc', author: 'Ada', email: 'ada@example.com', date: '2024-01-01T00:00:00Z' },
        path: 'sp ace.txt',
        lines: ['second', 'third', '++ this added line starts with two pluses'],
        lineNumbers: [2, 3, 10],
      },
    ]);
  });

  it('takes from a combined merge diff only the lines in none of the parents', () => {
    const { added } = parse(
      ['\x01m\0A\0a@b\0d', 'diff --cc pay.ts', 'index 1,2..3', '--- a/pay.ts', '+++ b/pay.ts', '@@@ -1,1 -1,1 +1,2 @@@', '- main', ' -feat', '++resolved', ' +from feature'].join('\n'),
    );
    expect(added[0]).toMatchObject({ path: 'pay.ts', lines: ['resolved'], lineNumbers: [1] });
  });

  it('skips deletions, notes binaries and submodules, and reads quoted paths', () => {
    const { added, notes } = parse(
      [
        'diff --git a/gone.txt b/gone.txt',
        'deleted file mode 100644',
        '--- a/gone.txt',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git a/img.png b/img.png',
        'Binary files /dev/null and b/img.png differ',
        'diff --git a/sub b/sub',
        'new file mode 160000',
        '--- /dev/null',
        '+++ b/sub',
        '@@ -0,0 +1 @@',
        '+Subproject commit 3f07b54b3b7f8584dfac16e528d9e6144bc30325',
        'diff --git "a/tab\\there" "b/tab\\there"',
        '--- /dev/null',
        '+++ "b/tab\\there"',
        '@@ -0,0 +1 @@',
        '+x',
      ].join('\n'),
    );
    expect(added).toEqual([{ path: 'tab\there', lines: ['x'], lineNumbers: [1] }]);
    expect(notes).toEqual([
      { kind: 'binary', path: 'img.png' },
      { kind: 'submodule', path: 'sub' },
    ]);
  });

  it('hands on a huge file in parts instead of holding it whole', () => {
    const lines = ['diff --git a/big b/big', '--- /dev/null', '+++ b/big', '@@ -0,0 +1,300000 @@'];
    for (let i = 0; i < 300_000; i++) lines.push(`+${'x'.repeat(30)}`);
    const { added } = parse(lines.join('\n'));
    expect(added.length).toBeGreaterThan(1);
    expect(added.reduce((n, a) => n + a.lines.length, 0)).toBe(300_000);
    expect(added.at(-1)!.lineNumbers.at(-1)).toBe(300_000);
  });
});

describe('unquote', () => {
  it('decodes git’s C-style quoting, octal UTF-8 bytes included', () => {
    expect(unquote('"a\\tb\\"c\\\\d"')).toBe('a\tb"c\\d');
    expect(unquote('"caf\\303\\251.txt"')).toBe('café.txt');
    expect(unquote('plain name')).toBe('plain name');
  });
});

/**
 * The findings of a log read with the byte pass, the text pass only, or every line; written in pieces of `piece`
 * bytes, or cut at the offsets given.
 */
function findingsOf(log: Buffer, read: 'bytes' | 'text' | 'full', piece: number | number[]): string[] {
  const textOnly = { keywordHits: defaultDetector.keywordHits.bind(defaultDetector), keywordHitsAtByteOffsets: () => undefined, withReach: defaultDetector.withReach };
  const found: string[] = [];
  const parser = new DiffParser(
    (a) => {
      const text = a.lines.join('\n');
      // The hits a sparse read hands on are the ones the detector's own pass over the joined lines finds.
      if (a.hits) expect(a.hits).toEqual(defaultDetector.keywordHits(text).map(({ keyword, offset }) => ({ keyword, offset })));
      for (const f of defaultDetector.detect({ origin: { path: a.path }, text, lineNumbers: a.lineNumbers, ...(a.hits ? { hits: a.hits } : {}) })) {
        found.push(`${a.commit?.sha}:${f.location.path}:${f.location.line}:${f.location.column}:${f.fingerprint}`);
      }
    },
    undefined,
    read === 'bytes' ? defaultDetector : read === 'text' ? textOnly : undefined,
  );
  const cuts = typeof piece === 'number' ? Array.from({ length: Math.ceil(log.length / piece) }, (_, i) => i * piece) : [0, ...piece];
  cuts.forEach((at, i) => parser.write(log.subarray(at, cuts[i + 1] ?? log.length)));
  parser.end();
  expect(parser.bytesRead).toBe(log.length);
  return found.sort();
}

describe('DiffParser, sparse (keyword hits only) against full', () => {
  it('finds exactly what a full read of every added line finds, on a real history', async () => {
    const { TempRepo } = await import('../helpers/git-repo.js');
    const { projectFiles } = await import('../../bench/corpus.mjs');
    const { key } = await import('../helpers/keys.js');
    const repo = TempRepo.init();
    for (let i = 0; i < 6; i++) {
      const files = projectFiles('app', i % 2 === 0);
      repo.commit(`round ${i}`, Object.fromEntries(files.map((f) => [f.path, f.content])));
      if (i === 2) repo.git('mv', 'app/docs/payments.md', 'app/docs/moved.md');
    }
    // Lines that start with a quote (after the diff's +, a keyword such as "+'" would start in the prefix column),
    // and a merge whose conflict resolution adds a key (a combined diff: two prefix columns).
    repo.commit('quotes', { 'app/src/quoted.ts': `const url = base\n'+' + token\n"secret" + "${key.smartpayLive()}"\n'key-' + 1\n` });
    const trunk = repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'app/src/conflict.ts': `export const token = "side";\n` });
    repo.git('checkout', '-q', trunk);
    repo.commit('trunk', { 'app/src/conflict.ts': `export const token = "trunk";\n` });
    expect(() => repo.git('merge', '-q', 'side', '--no-commit', '--no-ff')).toThrow(); // a conflict
    repo.write('app/src/conflict.ts', `export const token = "${key.smartpayLive()}";\n`);
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'merge side');
    const log = repo.git('log', '--all', '-p', '-U0', '--cc', '-M', '--format=format:%x01%H%x00%an%x00%ae%x00%aI');
    expect(log).toContain('\n++export const token');
    // Read in odd-sized pieces, as a pipe would hand them on.
    const full = findingsOf(Buffer.from(log), 'full', 7919);
    expect(full.length).toBeGreaterThan(20);
    expect(findingsOf(Buffer.from(log), 'bytes', 7919)).toEqual(full);
  });
});

describe('DiffParser, reading git’s bytes', () => {
  it('finds what the text pass and a full read find, in non-ASCII and invalid UTF-8 text, wherever the output is cut', async () => {
    const { execFileSync } = await import('node:child_process');
    const { TempRepo } = await import('../helpers/git-repo.js');
    const { key, pemBlock } = await import('../helpers/keys.js');
    const repo = TempRepo.init();
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `const value${i} = compute(${i}); // token budget ${i}`).join('\n');
    for (let i = 0; i < 12; i++) {
      repo.commit(`round ${i}`, {
        [`src/plain-${i}.ts`]: `${filler(40)}\nexport const key = "${key.smartpayLive()}";\n${filler(5)}\n`,
        // Characters of two, three and four bytes before a key on its line, and in the lines around it.
        [`docs/notes-${i}.md`]: `Schlüssel für café ☕ 🔑\n${'é'.repeat(i)}🔑 secret = "${key.accelebitLive()}"\nfin ✓\n`,
        // Not UTF-8 at all: a Latin-1 é and a stray byte before the key.
        [`legacy/latin-${i}.txt`]: Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff]), Buffer.from(` api_key = "${key.smartpayLive()}"\n`)]),
      });
    }
    // One file's diff of several blocks, keys at its start, across its middle and at its end; and a PEM key, whose
    // rule reads the lines after its header.
    repo.commit('vendor', {
      'vendor/bundle.js': `var k0 = "${key.smartpayLive()}";\n${filler(5000)}\nvar k1 = "${key.smartpayLive()}";\n${filler(5000)}\nvar k2 = "${key.accelebitLive()}";\n`,
      'deploy/id_rsa.txt': `${pemBlock('RSA PRIVATE KEY')}\n`,
      // The commit line's marker byte inside a line: no section starts there.
      'src/separators.ts': `const sep = "a\x01b"; const k = "${key.smartpayLive()}";\n\x01 = "${key.accelebitLive()}";\n`,
    });
    const log = execFileSync('git', ['log', '--all', '-p', '-U0', '--cc', '-M', '--format=format:%x01%H%x00%an%x00%ae%x00%aI'], { cwd: repo.dir, maxBuffer: 1 << 28 });
    expect(log.length).toBeGreaterThan(4 * 128 * 1024);
    const full = findingsOf(log, 'full', log.length);
    expect(full.length).toBeGreaterThanOrEqual(12 * 3 + 4);
    expect(full.filter((f) => f.includes(':src/separators.ts:')).map((f) => f.split(':')[2])).toEqual(['1', '2']);
    for (const piece of [4096, 7919, 300_000, log.length]) {
      expect(findingsOf(log, 'bytes', piece)).toEqual(full);
    }
    expect(findingsOf(log, 'text', 7919)).toEqual(full);
    // A block read (of 128 KB or more) that ends inside a file's or a commit's first line.
    for (const boundary of ['\ndiff ', '\n\x01']) {
      const at = log.indexOf(boundary, 128 * 1024);
      for (let cut = at + 1; cut < at + boundary.length; cut++) expect(findingsOf(log, 'bytes', [cut])).toEqual(full);
    }
  });

  it('reads a single file’s diff too large to hold in parts, and still finds a key at its start, middle and end', async () => {
    const { key } = await import('../helpers/keys.js');
    const keys = [key.smartpayLive(), key.smartpayLive(), key.accelebitLive()];
    const filler = '+x = 1\n'.repeat(700_000);
    const log = Buffer.from(
      `diff --git a/big.txt b/big.txt\n--- /dev/null\n+++ b/big.txt\n@@ -0,0 +1,1400003 @@\n+k = "${keys[0]}"\n${filler}+k = "${keys[1]}"\n${filler}+k = "${keys[2]}"\n`,
    );
    expect(log.length).toBeGreaterThan(9 * 1024 * 1024);
    const found = findingsOf(log, 'bytes', 65536);
    expect(found.map((f) => Number(f.split(':')[2])).sort((a, b) => a - b)).toEqual([1, 700_002, 1_400_003]);
  });
});
