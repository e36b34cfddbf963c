import { parseSize } from '../config/size.js';
import { UsageError } from './usage-error.js';

/** `--max-file-size`'s value in bytes, or a usage error that shows what is expected. */
export function sizeOption(text: string): number {
  try {
    return parseSize(text);
  } catch {
    throw new UsageError(`--max-file-size takes a size such as 25MB, not "${text}"`);
  }
}
