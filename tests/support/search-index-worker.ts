/**
 * Builds a search index in a worker thread, as the build may (tests/unit/search-index.test.ts):
 * `workerData` is the SearchIndexInput; the files are posted back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildSearchIndex, type SearchIndexInput } from "../../src/search/build-index.ts";

if (!parentPort) throw new Error("search-index-worker.ts runs in a worker thread only");
parentPort.postMessage(buildSearchIndex(workerData as SearchIndexInput).files);
