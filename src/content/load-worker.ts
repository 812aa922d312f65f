/**
 * Worker-thread entry of the parallel loader (load-parallel.ts): claims chunks of the file list
 * from the counter it shares with the other threads, checks each file and posts the results back
 * chunk by chunk.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openArticleCache } from "./article-cache.ts";
import { fileStamp, readAndCheck } from "./load-articles.ts";
import { claimChunks, type LoadWorkerData, type LoadWorkerMessage } from "./load-chunks.ts";

const { files, counter, chunkSize, cacheFolder } = workerData as LoadWorkerData;
const cache = cacheFolder === undefined ? undefined : openArticleCache(cacheFolder);
const post = (message: LoadWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

for (const [start, end] of claimChunks(new Int32Array(counter), files.length, chunkSize)) {
  const results = files.slice(start, end).map(({ absolute, file }) => ({
    stamp: fileStamp(absolute, file),
    checked: readAndCheck(absolute, file, cache),
  }));
  post({ start, results });
}
// The entries' buffers are handed over, not copied (article-cache.ts).
post(
  { done: true, cache: cache && { used: cache.used, fresh: cache.fresh } },
  cache?.fresh.chunks.map((chunk) => chunk.buffer as ArrayBuffer),
);
