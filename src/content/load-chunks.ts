/**
 * What the parallel loader's threads share (load-parallel.ts, load-worker.ts): the messages and
 * the claiming of chunks from one counter. Kept apart so a worker loads nothing it does not run.
 */
import type { FreshEntries } from "./article-cache.ts";
import type { CheckedFile } from "./load-articles.ts";
import type { SourceFile } from "./source-files.mjs";

/** What a load worker is given. */
export interface LoadWorkerData {
  files: SourceFile[];
  /** An Int32Array's buffer: the next chunk to claim, shared by every thread. */
  counter: SharedArrayBuffer;
  chunkSize: number;
  /** The cache of checked articles to read and fill (article-cache.ts), if the build has one. */
  cacheFolder?: string;
}

/**
 * What a load worker posts: the results of one chunk, or that it has claimed the last one, with
 * the keys of the cache entries it asked for and the entries it had to make (article-cache.ts).
 */
export type LoadWorkerMessage =
  | { start: number; results: { stamp: string; checked: CheckedFile }[] }
  | { done: true; cache?: { used: readonly string[]; fresh: FreshEntries } };

/** The [start, end) ranges of `total` items this thread claims, one chunk at a time. */
export function* claimChunks(
  counter: Int32Array,
  total: number,
  chunkSize: number,
): Generator<[number, number]> {
  for (;;) {
    const start = Atomics.add(counter, 0, 1) * chunkSize;
    if (start >= total) return;
    yield [start, Math.min(total, start + chunkSize)];
  }
}
