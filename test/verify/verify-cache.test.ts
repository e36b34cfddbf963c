import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerifyCache } from '../../src/verify/verify-cache.js';
import { randomAlnum } from '../helpers/keys.js';
import { tempTree, writeTree } from '../helpers/temp-dir.js';

describe('the verification cache', () => {
  const secret = `npm_${randomAlnum(36)}`;
  const key = VerifyCache.keyOf('npm', secret);

  it('keeps settled answers for their lifetime, never unknown, and never the key', () => {
    const dir = tempTree();
    const cache = VerifyCache.open(dir, 60_000);
    cache.set(key, 'active', 1000);
    cache.set(VerifyCache.keyOf('npm', 'other'), 'unknown', 1000);
    cache.save(1000);
    const text = readFileSync(join(dir, 'verify-cache.json'), 'utf8');
    expect(text).not.toContain(secret);
    expect(Object.keys(JSON.parse(text).entries)).toEqual([key]);
    const again = VerifyCache.open(dir, 60_000);
    expect(again.get(key, 50_000)).toBe('active');
    expect(again.get(key, 61_001)).toBeUndefined();
    expect(again.get(VerifyCache.keyOf('npm', 'other'), 1000)).toBeUndefined();
  });

  it('an answer of unknown forgets what an earlier run settled', () => {
    const dir = tempTree();
    const cache = VerifyCache.open(dir, 60_000);
    cache.set(key, 'inactive');
    cache.set(key, 'unknown');
    expect(cache.get(key)).toBeUndefined();
  });

  it('a corrupt file is an empty cache; a lifetime of 0 reads and writes nothing', () => {
    const dir = tempTree();
    writeTree(dir, { 'verify-cache.json': '{not json' });
    expect(VerifyCache.open(dir, 60_000).get(key)).toBeUndefined();
    const off = VerifyCache.open(tempTree(), 0);
    off.set(key, 'active');
    off.save();
    expect(off.get(key)).toBeUndefined();
  });
});
