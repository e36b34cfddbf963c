import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Validity } from '../engine/types.js';

interface CacheFile {
  version: 1;
  /** By a hash of provider and key (never the key): the settled answer and when it was given (ms since epoch). */
  entries: Record<string, { validity: 'active' | 'inactive'; at: number }>;
}

/**
 * Settled answers of earlier runs, so that a second scan does not ask a vendor again about the same keys within the
 * lifetime. Only `active` and `inactive` are kept: `unknown` is asked again. The file holds hashes, never a key; an
 * unreadable or corrupt file is treated as empty (it is a cache).
 */
export class VerifyCache {
  private readonly entries: CacheFile['entries'];
  private changed = false;
  private refresh = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly ttlMs: number,
    entries: CacheFile['entries'],
  ) {
    this.entries = entries;
  }

  /**
   * A cache in `dir`; with a lifetime of 0, no cache at all (nothing read, nothing written). `refresh` asks every
   * vendor again and records the answers (keyward revoke acts only on what this very run was told).
   */
  static open(dir: string, ttlMs: number, options: { refresh?: boolean } = {}): VerifyCache {
    if (ttlMs <= 0) return new VerifyCache(undefined, 0, {});
    const file = join(dir, 'verify-cache.json');
    let entries: CacheFile['entries'] = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
    } catch {
      // No cache yet, or not one we can read: start afresh.
    }
    const cache = new VerifyCache(file, ttlMs, entries);
    cache.refresh = Boolean(options.refresh);
    return cache;
  }

  static keyOf(provider: string, secret: string, pair = ''): string {
    return createHash('sha256').update(`keyward-verify\0${provider}\0${secret}\0${pair}`).digest('hex');
  }

  get(key: string, now = Date.now()): Validity | undefined {
    const entry = this.file && !this.refresh ? this.entries[key] : undefined;
    return entry && now - entry.at < this.ttlMs ? entry.validity : undefined;
  }

  set(key: string, validity: Validity, now = Date.now()): void {
    if (!this.file) return;
    if (validity === 'unknown') {
      if (key in this.entries) delete this.entries[key];
    } else {
      this.entries[key] = { validity, at: now };
    }
    this.changed = true;
  }

  /** Writes the file (expired entries dropped) through a temporary file, readable by its owner only. */
  save(now = Date.now()): void {
    if (!this.file || !this.changed) return;
    const kept: CacheFile['entries'] = {};
    for (const [key, entry] of Object.entries(this.entries)) if (now - entry.at < this.ttlMs) kept[key] = entry;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries: kept } satisfies CacheFile), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}
