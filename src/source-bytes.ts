/**
 * Reading a source file with a bound: the build and the checker read at most
 * `MAX_SOURCE_BYTES + 1` bytes, enough to refuse a larger file
 * (`source-too-large`) without holding gigabytes in memory or failing on a
 * file over Node's 2 GiB buffer limit. Kept apart from the model so that the
 * build can read sources without loading the parser.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Largest source file accepted, in bytes (the model's `LIMITS.maxBytes`). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** The first `max + 1` bytes of a file at most (all of it when it is not larger than `max`). */
export function readSourceBytes(path: string, max: number = MAX_SOURCE_BYTES): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(Math.min(fstatSync(fd).size, max) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
