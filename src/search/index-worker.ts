/**
 * Worker-thread entry of `startSiteIndex` (index-site.ts): build the search index of the articles
 * it is given and write its files into the site, then post the figures back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildSearchIndex } from "./build-index.ts";
import { writeIndexFiles, type IndexWorkerData, type IndexWorkerMessage } from "./index-files.ts";

const { siteDir, articles } = workerData as IndexWorkerData;
let message: IndexWorkerMessage;
try {
  const { files, stats } = buildSearchIndex({ articles });
  writeIndexFiles(siteDir, files);
  message = { stats };
} catch (error) {
  message = { error: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(message);
