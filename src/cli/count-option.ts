import { UsageError } from './usage-error.js';

/** A whole number ≥ 1 from an option, or undefined when it was not given. */
export function countOption(name: string, value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`${name} takes a whole number of ${what}, not "${value}"`);
  return count;
}
