import { createHash } from '../hash.js';
import { readFileSync } from 'node:fs';

/**
 * A file's git blob id (SHA-1 of `blob <size>\0` and the bytes): the identity git gives its content, so a binary key
 * store found in the tree has the same identity as in a diff or in history. Undefined when it cannot be read.
 */
export function gitBlobId(absolutePath: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch {
    return undefined;
  }
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
