/**
 * Writes the pages of a build: tens of thousands of small files, each folder created once.
 *
 * `createPageWriter` writes synchronously, on purpose. Measured on this machine (35,000 files of
 * 10 KB on tmpfs): one `writeFileSync` each takes 1.4 s; `fs.promises.writeFile` through libuv's
 * thread pool took 4–4.8 s and kept this thread busy for 4 s of it (a file handle, three round
 * trips and promises per file); callbacks, 1.8 s.
 *
 * A build hands its pages to a writer of this kind in a worker thread
 * (src/background-page-writer.ts); a preview (`npm start`) uses one directly.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface PageWriter {
  /**
   * Write `content` to `file`, creating its folder if this writer has not yet. A background
   * writer may return a promise: wait for it before the next page, the writer has a backlog.
   */
  write(file: string, content: string): Promise<void> | undefined;
  /** Resolves once every page is on disk; rejects naming the first page that could not be written. */
  close(): Promise<void>;
  /** Stop at once (the build failed): pages not yet written are dropped. */
  abandon(): Promise<void>;
}

/** A writer that writes each page before `write` returns, given as text or as UTF-8 bytes. */
export interface DirectPageWriter extends PageWriter {
  write(file: string, content: string | Uint8Array): undefined;
}

/** Writes each page before `write` returns. */
export function createPageWriter(): DirectPageWriter {
  const folders = new Set<string>();
  return {
    write(file, content) {
      const folder = path.dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      try {
        writeFileSync(file, content);
      } catch (error) {
        throw new Error(`Could not write ${file}: ${String(error)}`, { cause: error });
      }
      return undefined;
    },
    close: async () => undefined,
    abandon: async () => undefined,
  };
}
