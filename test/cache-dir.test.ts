import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../src/cache-dir.js';

describe('defaultCacheDir', () => {
  it('lives under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/keyward');
    expect(defaultCacheDir({})).toMatch(/\.cache\/keyward$/);
  });
});
