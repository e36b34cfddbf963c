/** A mistake on the command line: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** 3: findings reported, but the revoke webhook could not deliver every one (they wait in the outbox). */
export const EXIT = { clean: 0, findings: 1, usage: 2, deliveryFailed: 3 } as const;
