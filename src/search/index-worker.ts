/**
 * Worker-thread entry of `startSiteIndex` (index-site.ts): build the search index of the articles
 * it is given and write its files into the site, then post the figures back. The articles come in
 * the first message, not as workerData: `npm run build` starts this worker before they are read
 * (early-index-worker.mjs), and it loads the Persian dictionary that the index text needs meanwhile.
 * With the folder of a record cache (src/search/record-cache.ts) in the message, it takes the
 * records of unchanged articles from there and keeps the new ones.
 */
import { parentPort } from "node:worker_threads";
import { getLexicon } from "../persian/lexicon.ts";
import { buildSearchIndex } from "./build-index.ts";
import { writeIndexFiles, type IndexWorkerData, type IndexWorkerMessage } from "./index-files.ts";
import { openRecordCache } from "./record-cache.ts";

getLexicon();
parentPort!.once("message", ({ siteDir, articles, recordCache }: IndexWorkerData) => {
  let message: IndexWorkerMessage;
  try {
    const cache = recordCache === undefined ? undefined : openRecordCache(recordCache);
    const { files, stats } = buildSearchIndex({ articles, cache });
    writeIndexFiles(siteDir, files);
    // Before the answer: the build ends this thread once it has it.
    cache?.save();
    message = { stats };
  } catch (error) {
    message = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(message);
});
