import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { utf8Text } from './utf8-text.js';

export type SkipReason = 'binary' | 'too-large' | 'unreadable' | 'symlink' | 'not-a-file';

export interface SkippedFile {
  /** In an organization scan: the repository the path is in. */
  repository?: string;
  path: string;
  reason: SkipReason;
  detail?: string;
}

/**
 * The most text one read can hold: V8's longest string (about 512 MB). A larger limit than this is lowered to it,
 * so that a huge file or input is skipped as too large rather than crashing the decoder.
 */
export function readLimit(maxBytes: number): number {
  return Math.min(maxBytes, bufferConstants.MAX_STRING_LENGTH);
}

/** Bytes looked at for a NUL to call a file binary, as git does. */
const BINARY_SNIFF = 8000;

/** `utf8`: the bytes the text was decoded from, when they were UTF-8 (the keyword pass can run on them). */
export type ReadResult = { text: string; bytes: number; utf8?: Buffer } | { skip: SkipReason; detail?: string };

/**
 * Reads a file as text for scanning, or says why not: too large, binary (a NUL byte), or unreadable.
 * UTF-16 files (with a byte-order mark) are decoded; invalid UTF-8 is decoded with replacement characters,
 * which keeps every ASCII key intact.
 */
export function readTextFile(absolutePath: string, maxBytes: number): ReadResult {
  // Synchronous on purpose: files come from the page cache far more often than from disk, and the detector that
  // follows is synchronous too, so a thread-pool round trip per file costs more than it overlaps.
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO take a file's place between the walk and the read, opening it must not wait for a writer.
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { skip: 'unreadable', detail: errorCode(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skip: 'not-a-file' };
    if (stat.size > readLimit(maxBytes)) return { skip: 'too-large', detail: `${stat.size} bytes` };
    const buffer = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const read = readSync(fd, buffer, filled, stat.size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return decode(buffer.subarray(0, filled));
  } catch (error) {
    return { skip: 'unreadable', detail: errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

export function decode(buffer: Buffer): ReadResult {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: buffer.subarray(2).toString('utf16le'), bytes: buffer.length };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const body = buffer.subarray(2, buffer.length - (buffer.length % 2));
    const swapped = Buffer.from(body);
    swapped.swap16();
    return { text: swapped.toString('utf16le'), bytes: buffer.length };
  }
  if (buffer.subarray(0, BINARY_SNIFF).includes(0)) return { skip: 'binary' };
  return { text: utf8Text(buffer), bytes: buffer.length, utf8: buffer };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
