// @ts-check
/**
 * Reading a large archive from the first milliseconds of `npm run build`. The build's main
 * thread spends its first 0.5–0.7 s loading Eleventy and the other packages, which must load
 * before tsx is registered (scripts/register-tsx.mjs); worker threads started before that read
 * articles meanwhile on the other cores. scripts/start-article-load.mjs starts them, and
 * load-parallel.ts takes them over as if it had started them itself. This module runs before
 * TypeScript can, so it is JavaScript, as are the two it imports.
 *
 * Measured on this project's 2-core machine (adjacent pairs of builds, median of new ÷ old):
 * 0.91 of the wall time at 1,000 articles (10 pairs), 0.99 at 10,000 (8 pairs), where the main
 * thread's own work is the longer path anyway.
 */
import os from "node:os";
import { archiveWorkerLimits, reusableBundle, startBundledWorker } from "../worker-bundles.mjs";
import { articleCacheFolder } from "./article-cache-folder.mjs";
import { listSourceFiles } from "./source-files.mjs";

/** @typedef {import("./source-files.mjs").SourceFile} SourceFile */
/** @typedef {import("node:worker_threads").Worker} Worker */

// Below this many files a worker's start-up costs more than it saves (measured: see
// bench/HISTORY.md); the seed site and the test fixtures load in one thread.
const PARALLEL_FROM = 1_000;

/** Files per claim: small enough that threads finish together, large enough that claiming costs nothing. */
export const LOAD_CHUNK_SIZE = 50;

/**
 * Worker threads to add to this one for `files` files: none on one core or for a small archive.
 * @param {number} files
 */
export function loadWorkerCount(files) {
  if (files < PARALLEL_FROM) return 0;
  return Math.max(0, Math.min(os.availableParallelism() - 1, 3));
}

/**
 * A worker whose events wait for whoever takes it over: without a listener, a message it posts
 * would be lost, and an error would end the process.
 * @typedef {{ worker: Worker, release(): void }} HeldWorker
 */

/** @type {readonly ("message" | "error" | "exit")[]} */
const HELD_EVENTS = ["message", "error", "exit"];

/**
 * Hold `worker`'s events from now on. `release()` re-emits them, in order, to the listeners it
 * has by then, and stops holding.
 * @param {Worker} worker
 * @returns {HeldWorker}
 */
export function holdWorkerEvents(worker) {
  /** @type {[string, unknown][]} */
  const held = [];
  const holders = HELD_EVENTS.map((event) => {
    const hold = (/** @type {unknown} */ value) => held.push([event, value]);
    worker.on(event, hold);
    return /** @type {const} */ ([event, hold]);
  });
  return {
    worker,
    release() {
      for (const [event, hold] of holders) worker.off(event, hold);
      for (const [event, value] of held.splice(0)) worker.emit(event, value);
    },
  };
}

/**
 * A load started early: what load-parallel.ts needs to take it over.
 * @typedef {{ dir: string, root: string, files: SourceFile[], counter: Int32Array<SharedArrayBuffer>, cacheFolder: string, workers: HeldWorker[] }} EarlyArticleLoad
 */

/** @type {EarlyArticleLoad | undefined} */
let started;

/**
 * Start reading the archive under `dir` (absolute; reports name files relative to `root`) in
 * worker threads, if it is large enough and the load worker's bundle from an earlier build is
 * still current (making a bundle needs TypeScript: the first build after a change of the loader
 * starts its workers later, from load-parallel.ts). Anything that goes wrong here (a folder that
 * does not exist) starts nothing: the build then reports it as it would have. `onRead` is told,
 * with the number of files, once the workers have read them all.
 * @param {{ dir: string, root: string, onRead?: (files: number) => void }} options
 */
export function startEarlyArticleLoad({ dir, root, onRead }) {
  try {
    const files = listSourceFiles({ dir, root });
    const count = loadWorkerCount(files.length);
    const bundle = count > 0 ? reusableBundle("load-worker") : undefined;
    if (!bundle) return;
    const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const cacheFolder = articleCacheFolder(bundle);
    // load-chunks.ts's LoadWorkerData.
    const data = { files, counter: counter.buffer, chunkSize: LOAD_CHUNK_SIZE, cacheFolder };
    const workers = Array.from({ length: count }, () => {
      const worker = startBundledWorker(bundle, data, archiveWorkerLimits(files.length));
      // Until the build takes them over, they must not keep a process that never does alive.
      worker.unref();
      return holdWorkerEvents(worker);
    });
    started = { dir, root, files, counter, cacheFolder, workers };
    let running = workers.length;
    for (const { worker } of workers)
      worker.on("message", (/** @type {{ done?: boolean }} */ message) => {
        if (message.done && --running === 0) onRead?.(files.length);
      });
  } catch {
    started = undefined;
  }
}

/**
 * The load started early for `dir` and `root`, once; `undefined` if none was. A load started for
 * another folder is stopped: its work would be wasted.
 * @param {string} dir
 * @param {string} root
 * @returns {EarlyArticleLoad | undefined}
 */
export function takeEarlyArticleLoad(dir, root) {
  const load = started;
  started = undefined;
  if (!load) return undefined;
  if (load.dir !== dir || load.root !== root) {
    for (const { worker } of load.workers) void worker.terminate();
    return undefined;
  }
  for (const { worker } of load.workers) worker.ref();
  return load;
}
