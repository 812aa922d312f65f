/**
 * Worker-thread entry of the parallel loader (load-parallel.ts): claims chunks of the file list
 * from the counter it shares with the other threads, checks each file and posts the results back
 * chunk by chunk.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openArticleCache } from "./article-cache.ts";
import { readStampAndCheck } from "./load-articles.ts";
import { claimChunks, type LoadWorkerData, type LoadWorkerMessage } from "./load-chunks.ts";

const { files, counter, chunkSize, cacheFolder } = workerData as LoadWorkerData;
const cache = cacheFolder === undefined ? undefined : openArticleCache(cacheFolder);
const post = (message: LoadWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

try {
  for (const [start, end] of claimChunks(new Int32Array(counter), files.length, chunkSize)) {
    const results = files
      .slice(start, end)
      .map(({ absolute, file }) => readStampAndCheck(absolute, file, cache));
    post({ start, results });
  }
} finally {
  // The packs it kept open are the process's files, not this thread's.
  cache?.close();
}
// The entries' buffers are handed over, not copied (article-cache.ts).
post(
  { done: true, cache: cache && { used: cache.used, fresh: cache.fresh } },
  cache?.fresh.chunks.map((chunk) => chunk.buffer as ArrayBuffer),
);
