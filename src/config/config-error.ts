/** A problem with the user's configuration: reported as one line, `file:line: what`, with exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}
