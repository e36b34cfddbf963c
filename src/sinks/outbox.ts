import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { RevokePayload } from './revoke-payload.js';

/** A delivery that has not succeeded yet. The payload is kept without the key, whatever the config says. */
export interface PendingDelivery {
  payload: Omit<RevokePayload, 'secret'>;
  attempts: number;
  lastError: string;
  firstFailedAt: string;
}

/** A key a running keyward process is delivering now: no other run sends it meanwhile. */
interface Claim {
  pid: number;
  host: string;
  since: string;
}

/** What a run reads before it sends: which keys were delivered, and which deliveries wait. */
export type OutboxState = Pick<OutboxFile, 'delivered' | 'pending'>;

interface OutboxFile {
  tool: 'keyward-revoke-outbox';
  version: 1;
  /** SHA-256 of the key → when it was delivered: a key is reported once, not on every run. */
  delivered: Record<string, { at: string; id: string }>;
  pending: Record<string, PendingDelivery>;
  inFlight?: Record<string, Claim>;
}

/** What a run may send: the keys it claimed, and those it must leave alone. */
export interface ClaimResult {
  claimed: Set<string>;
  /** Delivered by an earlier run (or by another run since this one started). */
  delivered: Set<string>;
  /** Being delivered by another keyward process that is still running. */
  elsewhere: Set<string>;
}

/** A claim older than this is abandoned whoever holds it (a process id can be reused). */
const CLAIM_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The webhook's memory between runs, shared by every keyward process that uses the same file (a pre-commit hook
 * and an editor task, two CI steps): keys already delivered (never sent again), deliveries that failed (retried on
 * the next run), and keys a live process is delivering now (claimed, so that two runs never send one key twice).
 *
 * Every change is made under a lock (proper-lockfile: a lock folder beside the file, stale after a crash): the file
 * is read again, changed, written whole to a temporary file and renamed. A change is written the moment it happens
 * (a 2xx answer is recorded before the next delivery starts), so a run stopped half-way loses nothing. It holds
 * fingerprints and redacted previews only, never a key.
 */
export class Outbox {
  private readonly mine = new Set<string>();

  private constructor(private readonly file: string) {}

  /** The outbox as it is, to read only (a dry run): nothing is created. */
  static peek(file: string): Pick<Outbox, 'read'> {
    return new Outbox(file);
  }

  /** Opens (and on first use creates) the outbox; a folder it creates gets a `.gitignore` of `*`. */
  static open(file: string): Outbox {
    const created = mkdirSync(dirname(file), { recursive: true });
    if (created) writeFileSync(join(created, '.gitignore'), '# keyward: the revoke outbox is local state, never committed\n*\n');
    try {
      // The lock needs a file to stand beside; exclusive, so that a run starting at the same moment loses nothing.
      writeFileSync(file, `${JSON.stringify(emptyOutbox(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return new Outbox(file);
  }

  /** The outbox as it is now (no lock: a rename is atomic, so a read never sees half a file). */
  read(): OutboxFile {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as OutboxFile;
      if (parsed?.tool === 'keyward-revoke-outbox' && parsed.version === 1) return { ...parsed, inFlight: parsed.inFlight ?? {} };
    } catch {
      // No outbox yet, or an unreadable one: start afresh (at worst a key is reported twice, never lost).
    }
    return emptyOutbox();
  }

  /** Claims the keys no one has delivered and no live process is delivering; this run then sends exactly those. */
  claim(fingerprints: Iterable<string>): Promise<ClaimResult> {
    return this.update((data) => {
      const result: ClaimResult = { claimed: new Set(), delivered: new Set(), elsewhere: new Set() };
      for (const fingerprint of fingerprints) {
        const claim = data.inFlight![fingerprint];
        if (fingerprint in data.delivered) result.delivered.add(fingerprint);
        else if (claim && isLive(claim)) result.elsewhere.add(fingerprint);
        else {
          data.inFlight![fingerprint] = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
          this.mine.add(fingerprint);
          result.claimed.add(fingerprint);
        }
      }
      return result;
    });
  }

  markDelivered(payload: RevokePayload): Promise<void> {
    return this.update((data) => {
      data.delivered[payload.fingerprint] = { at: new Date().toISOString(), id: payload.id };
      delete data.pending[payload.fingerprint];
      this.unclaim(data, payload.fingerprint);
    });
  }

  markFailed(payload: RevokePayload, attempts: number, error: string): Promise<void> {
    return this.update((data) => {
      const { secret: _withheld, ...withoutSecret } = payload;
      const previous = data.pending[payload.fingerprint];
      data.pending[payload.fingerprint] = {
        payload: withoutSecret,
        attempts: (previous?.attempts ?? 0) + attempts,
        lastError: error,
        firstFailedAt: previous?.firstFailedAt ?? new Date().toISOString(),
      };
      this.unclaim(data, payload.fingerprint);
    });
  }

  /** Gives back the claims this run still holds (keys it did not get to send). */
  releaseClaims(): Promise<void> {
    if (this.mine.size === 0) return Promise.resolve();
    return this.update((data) => {
      for (const fingerprint of [...this.mine]) this.unclaim(data, fingerprint);
    });
  }

  private unclaim(data: OutboxFile, fingerprint: string): void {
    if (data.inFlight![fingerprint]?.pid === process.pid) delete data.inFlight![fingerprint];
    this.mine.delete(fingerprint);
  }

  /** Read, change and write the file under the lock, so that no other process's change is lost. */
  private async update<T>(change: (data: OutboxFile) => T): Promise<T> {
    const release = await lockfile.lock(this.file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 100 },
    });
    try {
      const data = this.read();
      const result = change(data);
      this.write(data);
      return result;
    } finally {
      await release();
    }
  }

  /** Written whole to a temporary file and renamed, so a crash never leaves half an outbox. */
  private write(data: OutboxFile): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function emptyOutbox(): OutboxFile {
  return { tool: 'keyward-revoke-outbox', version: 1, delivered: {}, pending: {}, inFlight: {} };
}

/** Whether the process that claimed a key may still be delivering it. */
function isLive(claim: Claim): boolean {
  if (Date.now() - Date.parse(claim.since) > CLAIM_MAX_AGE_MS) return false;
  if (claim.host !== hostname()) return true; // a shared folder: only age can tell
  if (claim.pid === process.pid) return false;
  try {
    process.kill(claim.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
