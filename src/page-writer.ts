/**
 * Writes the pages of a build: tens of thousands of small files. Written synchronously, every
 * open, write and close waits on the one thread that also renders (profiled: 1.3 s of a
 * 10,000-article build). Here the writes go to libuv's thread pool while the next pages render,
 * a bounded number at a time so memory stays flat, and each folder is created once.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes in flight at most: enough to keep libuv's four threads busy, few enough to bound memory. */
const IN_FLIGHT = 64;

export interface PageWriter {
  /** Queue `content` for `file`; resolves when there is room for the next write. */
  write(file: string, content: string): Promise<void>;
  /** Every queued write done; rejects with the first failure, naming the file. */
  flush(): Promise<void>;
}

// Every write under way in this process, and whether writing has been stopped (a signal).
const underWay = new Set<Promise<void>>();
let stopped = false;

/**
 * Refuse every further write and resolve once the writes under way have landed: a build stopped
 * by a signal waits for this before it removes its temporary folder, so that no write in libuv's
 * thread pool puts a file back into the folder after it was removed.
 */
export function stopPageWrites(): Promise<void> {
  stopped = true;
  return Promise.all(underWay).then(() => undefined);
}

export function createPageWriter(): PageWriter {
  const folders = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<void>>();
  let failure: Error | undefined;

  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };

  const start = (file: string, content: string) => {
    const done: Promise<void> = folder(path.dirname(file))
      .then(() => writeFile(file, content))
      .catch((error: unknown) => {
        failure ??= new Error(`Could not write ${file}: ${String(error)}`, { cause: error });
      })
      .finally(() => {
        pending.delete(done);
        underWay.delete(done);
      });
    pending.add(done);
    underWay.add(done);
  };

  return {
    async write(file, content) {
      if (stopped) throw new Error(`The build was stopped before ${file} was written`);
      if (failure) throw failure;
      start(file, content);
      while (pending.size >= IN_FLIGHT) await Promise.race(pending);
    },
    async flush() {
      await Promise.all(pending);
      if (failure) throw failure;
    },
  };
}
