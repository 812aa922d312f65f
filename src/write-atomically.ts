/**
 * Writing a cache file that another process may be reading at the same moment (two builds, a build
 * and the tests): the bytes go to a temporary file beside it, renamed over it once whole, so a
 * reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writevSync } from "node:fs";

/**
 * Write `contents` to `file` whole, through a temporary file in the same folder. Given as a list
 * of buffers, they are written one after the other in one call, not joined first: a cache's
 * entries are tens of megabytes, and copying them costs more than writing them (page faults).
 */
export function writeFileAtomically(
  file: string,
  contents: string | Uint8Array | readonly Uint8Array[],
): void {
  const partial = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    if (typeof contents === "string" || contents instanceof Uint8Array) {
      writeFileSync(partial, contents);
    } else {
      const fd = openSync(partial, "w");
      try {
        const length = contents.reduce((sum, buffer) => sum + buffer.length, 0);
        const written = writevSync(fd, contents);
        // libuv writes every buffer unless the disk fails, which throws; a short write is one too.
        if (written !== length)
          throw new Error(`wrote ${written} of ${length} bytes to ${partial}`);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
