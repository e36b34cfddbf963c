import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RevokePayload } from './revoke-payload.js';

/** A delivery that has not succeeded yet. The payload is kept without the key, whatever the config says. */
export interface PendingDelivery {
  payload: Omit<RevokePayload, 'secret'>;
  attempts: number;
  lastError: string;
  firstFailedAt: string;
}

interface OutboxFile {
  tool: 'keyward-revoke-outbox';
  version: 1;
  /** SHA-256 of the key → when it was delivered: a key is reported once, not on every run. */
  delivered: Record<string, { at: string; id: string }>;
  pending: Record<string, PendingDelivery>;
}

/**
 * The webhook's memory between runs: keys already delivered (never sent again) and deliveries that failed
 * (retried on the next run). It holds fingerprints and redacted previews only, never a key.
 */
export class Outbox {
  private constructor(
    private readonly file: string,
    private readonly data: OutboxFile,
  ) {}

  static open(file: string): Outbox {
    let data: OutboxFile = { tool: 'keyward-revoke-outbox', version: 1, delivered: {}, pending: {} };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as OutboxFile;
      if (parsed?.tool === 'keyward-revoke-outbox' && parsed.version === 1) data = parsed;
    } catch {
      // No outbox yet, or an unreadable one: start afresh (at worst a key is reported twice, never lost).
    }
    return new Outbox(file, data);
  }

  isDelivered(fingerprint: string): boolean {
    return fingerprint in this.data.delivered;
  }

  pending(): PendingDelivery[] {
    return Object.values(this.data.pending);
  }

  markDelivered(payload: RevokePayload): void {
    this.data.delivered[payload.fingerprint] = { at: new Date().toISOString(), id: payload.id };
    delete this.data.pending[payload.fingerprint];
  }

  markFailed(payload: RevokePayload, attempts: number, error: string): void {
    const { secret: _withheld, ...withoutSecret } = payload;
    const previous = this.data.pending[payload.fingerprint];
    this.data.pending[payload.fingerprint] = {
      payload: withoutSecret,
      attempts: (previous?.attempts ?? 0) + attempts,
      lastError: error,
      firstFailedAt: previous?.firstFailedAt ?? new Date().toISOString(),
    };
  }

  /** Written whole to a temporary file and renamed, so a crash never leaves half an outbox. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}
