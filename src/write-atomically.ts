/**
 * Writing a cache file that another process may be reading at the same moment (two builds, a build
 * and the tests): the bytes go to a temporary file beside it, renamed over it once whole, so a
 * reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";

/** Write `contents` to `file` whole, through a temporary file in the same folder. */
export function writeFileAtomically(file: string, contents: string | Uint8Array): void {
  const partial = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(partial, contents);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
