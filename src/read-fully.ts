import { readSync } from "node:fs";

/**
 * Read the file open as `fd` from its start into `into`, up to `length` bytes or the end of the
 * file, whichever comes first (a file may shrink while it is read); returns how many were read.
 * `readSync` may read less than asked: this asks again until there is no more.
 */
export function readFully(fd: number, into: Uint8Array, length: number): number {
  let read = 0;
  while (read < length) {
    const got = readSync(fd, into, read, length - read, read);
    if (got === 0) break;
    read += got;
  }
  return read;
}
