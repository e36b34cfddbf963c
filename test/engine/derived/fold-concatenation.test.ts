import { describe, expect, it } from 'vitest';
import { detectIn, foundIn } from '../../helpers/detector.js';
import { expandTemplate } from '../../helpers/keys.js';

const found = (text: string, path: string) => foundIn(text, path, { columns: true });

describe('folding string concatenations', () => {
  it.each([
    ['src/pay.ts', 'const key = "sk_li" + "ve_{{rand:24}}";'],
    ['src/pay.ts', "const key = 'sk_live_' +\n  '{{rand:24}}';"],
    ['src/pay.ts', "const key = `sk_live_${'{{rand:12}}'}{{rand:12}}`;"],
    ['src/pay.ts', 'const key = "sk_live_"+"{{rand:24}}";'],
    ['pay.py', 'KEY = ("sk_live_"\n       "{{rand:24}}")'],
    ['pay.py', 'KEY = "sk_live_" "{{rand:24}}"'],
    ['Pay.java', 'String key = "sk_live_"\n    + "{{rand:12}}"\n    + "{{rand:12}}";'],
    ['Pay.kt', 'val key = "sk_live_" + "{{rand:24}}"'],
    ['pay.go', 'const key = "sk_live_" + "{{rand:24}}"'],
    ['pay.php', "$key = 'sk_live_' . '{{rand:24}}';"],
    ['pay.rb', 'KEY = "sk_live_" + "{{rand:24}}"'],
  ])('finds a key split in %s: %s', (path, text) => {
    // Reported once, where its first piece starts.
    expect(found(text, path)).toEqual([`1:${text.split('\n')[0]!.indexOf('sk_li') + 1} smartpay-live-secret-key`]);
  });

  it('finds a generic key whose name says so, split over two lines, at the first piece', () => {
    const findings = detectIn(expandTemplate('String apiKey = "{{hex:16}}" +\n    "{{hex:16}}";'), 'Client.java');
    expect(findings.map((f) => [f.ruleId, f.location.line, f.location.column])).toEqual([['generic-api-key', 1, 18]]);
    expect(findings[0]!.snippet).not.toMatch(/[0-9a-f]{12}/);
  });

  it('is quiet where the pieces are no key: prose, a variable between pieces, a piece in a comment', () => {
    expect(found('const msg = "Hello, " + "world! This is a long sentence.";', 'src/a.ts')).toEqual([]);
    expect(found('const key = "sk_live_" + suffix + "{{rand:24}}";', 'src/a.ts')).toEqual([]);
    expect(found('const key = "sk_live_"; // + "{{rand:24}}"', 'src/a.ts')).toEqual([]);
  });

  it('honours an ignore on the line where a split statement ends', () => {
    expect(found("const key = 'sk_live_' +\n  '{{rand:24}}'; // keyward-ignore", 'src/a.ts')).toEqual([]);
  });
});
