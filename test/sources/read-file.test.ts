import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, readTextFile } from '../../src/sources/read-file.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('readTextFile', () => {
  it('reads text, and says why it skips a binary, too large, missing or non-regular file', () => {
    const root = tempTree({ 'a.txt': 'hello', 'b.bin': Buffer.from([1, 2, 0, 3]), 'big.txt': 'x'.repeat(2048) });
    expect(readTextFile(join(root, 'a.txt'), 1024)).toEqual({ text: 'hello', bytes: 5, utf8: Buffer.from('hello') });
    expect(readTextFile(join(root, 'b.bin'), 1024)).toEqual({ skip: 'binary' });
    expect(readTextFile(join(root, 'big.txt'), 1024)).toMatchObject({ skip: 'too-large' });
    expect(readTextFile(join(root, 'gone.txt'), 1024)).toMatchObject({ skip: 'unreadable', detail: 'ENOENT' });
    expect(readTextFile(root, 1024)).toMatchObject({ skip: expect.stringMatching(/not-a-file|unreadable/) });
  });

  it('decodes UTF-16 with a byte-order mark, and invalid UTF-8 without losing ASCII', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key = "abc"', 'utf16le')]);
    expect(decode(utf16)).toMatchObject({ text: 'key = "abc"' });
    // UTF-16 gives no UTF-8 bytes for the keyword pass to read: the detector reads the text instead.
    expect(decode(utf16)).not.toHaveProperty('utf8');
    const invalid = Buffer.concat([Buffer.from('a = "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('" sk_live_x')]);
    const read = decode(invalid);
    expect('text' in read && read.text.endsWith('" sk_live_x')).toBe(true);
  });
});
