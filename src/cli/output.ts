import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Writes a report to `--output FILE`, or to stdout. */
export function emit(report: string, outputFile: string | undefined): void {
  if (!outputFile) {
    process.stdout.write(report);
    return;
  }
  const target = resolve(outputFile);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, report);
}

/** Colour when a person reads the terminal, as chalk decides it, unless NO_COLOR or --no-color says otherwise. */
export function wantsColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false || toFile || 'NO_COLOR' in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}
