/** A mistake on the command line: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;
