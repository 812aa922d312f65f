// @ts-check
/**
 * The search index's worker thread, started with the article load under `npm run build`
 * (scripts/start-article-load.mjs) rather than once the articles are read. Its start is a
 * fixed cost of about 0.3 s of CPU (Node's own modules, the index code, the Persian dictionary);
 * started early, it is paid while the main thread loads Eleventy and the build's modules, not
 * after, when the index and the pages are made side by side and the build ends with whichever
 * finishes last. The worker waits for its articles in a message (src/search/index-worker.ts);
 * `startSiteIndex` (index-site.ts) takes it over. JavaScript: it runs before tsx is registered.
 */
import { holdWorkerEvents } from "../content/early-article-load.mjs";
import { archiveWorkerLimits, reusableBundle, startBundledWorker } from "../worker-bundles.mjs";

/**
 * From this many articles the index is made in a worker thread (index-site.ts); below, in the
 * main thread once the pages are written: it is then a fraction of a second, less than a worker's
 * start (bench/HISTORY.md).
 */
export const INDEX_WORKER_FROM = 1_000;

/** @typedef {import("../content/early-article-load.mjs").HeldWorker & { bundle: string }} EarlyIndexWorker */

/** @type {EarlyIndexWorker | undefined} */
let started;

/**
 * Start the index worker from the bundle an earlier build made, if it is still current (a
 * changed index code is bundled, later, by `startSiteIndex`). Never throws: the build then starts
 * its own worker, as it would have. Gives whether a worker is waiting now.
 * @param {number} articles how many the archive has (the files the load found)
 * @returns {boolean}
 */
export function startEarlyIndexWorker(articles) {
  try {
    const bundle = reusableBundle("index-worker");
    if (!bundle || started) return started !== undefined;
    const worker = startBundledWorker(bundle, undefined, archiveWorkerLimits(articles));
    started = { ...holdWorkerEvents(worker), bundle };
    // Until the build takes it over, it must not keep a process that never does alive. After the
    // listeners: a listener for its messages refs the port they come through, and this worker,
    // unlike the load's, waits for a message that may never come.
    worker.unref();
    return true;
  } catch {
    started = undefined;
    return false;
  }
}

/**
 * The worker started early, once, with its events held until `release()`, and the bundle it runs;
 * `undefined` if none.
 * @returns {EarlyIndexWorker | undefined}
 */
export function takeEarlyIndexWorker() {
  const taken = started;
  started = undefined;
  taken?.worker.ref();
  return taken;
}
