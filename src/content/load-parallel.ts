/**
 * Reading, validating and rendering the archive is most of a large build's first seconds (YAML,
 * markdown-it and the schema, per file) and needs nothing but the file itself: with more than one
 * core, worker threads take part. Every thread claims the next chunk of the sorted file list from
 * one shared counter, so a thread that starts late (a worker takes a few hundred milliseconds to
 * boot) or runs slowly simply claims fewer chunks. The results are put back in file order and
 * merged exactly as the one-thread loader merges them (`collectArticles`), so the articles, the
 * problems and their order are the same whatever the threads did.
 */
import path from "node:path";
import { site } from "../site.ts";
import { bundleWorker, startTypeScriptWorker } from "../worker.ts";
import { archiveWorkerLimits } from "../worker-bundles.mjs";
import { articleCacheFolder } from "./article-cache-folder.mjs";
import type { FreshEntries } from "./article-cache.ts";
import {
  holdWorkerEvents,
  LOAD_CHUNK_SIZE,
  loadWorkerCount,
  takeEarlyArticleLoad,
  type HeldWorker,
} from "./early-article-load.mjs";
import type { ArchiveSnapshot, CheckedFile, LoadOptions, LoadResult } from "./load-articles.ts";
import { claimChunks, type LoadWorkerData, type LoadWorkerMessage } from "./load-chunks.ts";
import { listSourceFiles } from "./source-files.mjs";

const WORKER_ENTRY = new URL("./load-worker.ts", import.meta.url);

// A structured clone (a worker's message, an entry of the article cache) gives an article its own
// copy of its section: point it back at the site's, so every article of a section shares one
// object, as in a one-thread load.
function relinkSection(checked: CheckedFile): CheckedFile {
  const article = checked.article;
  if (article) {
    const section = site.sections.find((candidate) => candidate.slug === article.section.slug);
    if (section) article.section = section;
  }
  return checked;
}

/** What the threads of a load did with the cache of checked articles (article-cache.ts). */
interface CacheUse {
  used: Set<string>;
  /** Per thread. */
  fresh: FreshEntries[];
}

function collectFromWorker(
  { worker, release }: HeldWorker,
  checked: CheckedFile[],
  stamps: string[],
  onResults: (count: number) => void,
  cacheUse: CacheUse,
): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on("message", (message: LoadWorkerMessage) => {
      if ("done" in message) {
        for (const key of message.cache?.used ?? []) cacheUse.used.add(key);
        if (message.cache) cacheUse.fresh.push(message.cache.fresh);
        return resolve();
      }
      onResults(message.results.length);
      message.results.forEach(({ stamp, checked: result }, offset) => {
        checked[message.start + offset] = relinkSection(result);
        stamps[message.start + offset] = stamp;
      });
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`an article loading worker stopped (exit code ${code}) before it finished`)),
    );
    // What it did before this thread listened (a worker started early) comes first.
    release();
  });
}

/** What a parallel load gives: the articles and problems, and what it read, for `pinArchive`. */
export interface ParallelLoadResult extends LoadResult {
  snapshot: ArchiveSnapshot;
  /** How many files the worker threads checked. */
  checkedByWorkers: number;
  /** Whether the workers were started before this module loaded (early-article-load.mjs). */
  startedEarly: boolean;
  /**
   * Files checked rather than taken from the cache of checked articles (article-cache.ts):
   * every file when the load had no cache (a small archive, a read-only node_modules).
   */
  checked: number;
}

/** A load under way: its workers already read files; `finish` joins in with this thread. */
export interface ArticleLoad {
  /** The folder read and the root its reports are relative to, both absolute. */
  dir: string;
  root: string;
  finish(): Promise<ParallelLoadResult>;
}

/**
 * Start reading the archive under `options.dir` in worker threads, before this thread is free
 * to: src/build-command.ts starts it before importing the build, so the workers read articles
 * while this thread loads the site's modules; under `npm run build` the workers started earlier
 * still, before Eleventy loaded, and are taken over here (early-article-load.mjs). This module
 * imports nothing heavy for that reason; the loader itself is imported by `finish`. A small
 * archive is left to `finish` alone (see `loadWorkerCount`).
 */
export function startArticleLoad(
  options: LoadOptions & {
    /**
     * The folder of the caches of checked articles, one subfolder per version of the loader
     * (article-cache-folder.mjs); node_modules/.cache/sarkhat-articles by default. A load
     * started early (`npm run build`) uses the default.
     */
    articleCaches?: string;
  },
): ArticleLoad {
  const dir = path.resolve(options.dir);
  const root = path.resolve(options.root ?? process.cwd());
  // `npm run build` started them before this module could load (early-article-load.mjs).
  const early = takeEarlyArticleLoad(dir, root);
  const files = early?.files ?? listSourceFiles({ dir, root });
  const checked: CheckedFile[] = new Array<CheckedFile>(files.length);
  const stamps: string[] = new Array<string>(files.length);
  const counter =
    early?.counter ?? new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerCount = early ? early.workers.length : loadWorkerCount(files.length);
  // A load large enough for workers keeps what it checked between builds, in the folder of the
  // workers' code (article-cache.ts); a small one is a fraction of a second without.
  const cacheFolder: Promise<string | undefined> = early
    ? Promise.resolve(early.cacheFolder)
    : workerCount > 0
      ? bundleWorker(WORKER_ENTRY).then(
          (bundle) => bundle && articleCacheFolder(bundle, options.articleCaches),
        )
      : Promise.resolve(undefined);
  const cacheUse: CacheUse = { used: new Set(), fresh: [] };
  let checkedByWorkers = 0;
  const workers: Promise<HeldWorker>[] = early
    ? early.workers.map((held) => Promise.resolve(held))
    : Array.from({ length: workerCount }, async () => {
        const data: LoadWorkerData = {
          files,
          counter: counter.buffer,
          chunkSize: LOAD_CHUNK_SIZE,
          cacheFolder: await cacheFolder,
        };
        return holdWorkerEvents(
          await startTypeScriptWorker(WORKER_ENTRY, data, archiveWorkerLimits(files.length)),
        );
      });
  const finished = Promise.all(
    workers.map(async (starting) =>
      collectFromWorker(
        await starting,
        checked,
        stamps,
        (count) => (checkedByWorkers += count),
        cacheUse,
      ),
    ),
  );
  // Keep a worker's failure from counting as unhandled while this thread is still busy.
  finished.catch(() => undefined);
  const stopWorkers = () =>
    Promise.all(
      workers.map((starting) =>
        starting.then(
          ({ worker }) => worker.terminate(),
          () => undefined,
        ),
      ),
    );

  return {
    dir,
    root,
    async finish() {
      try {
        const [
          { checkFile, collectArticles, rememberCheckedFile },
          { openArticleCache, saveArticleCache },
        ] = await Promise.all([import("./load-articles.ts"), import("./article-cache.ts")]);
        // Let the workers be made (their bundles come from esbuild, asynchronously) before this
        // thread claims chunks without yielding: called at once, it would claim every chunk first.
        await Promise.all(workers);
        const folder = await cacheFolder;
        const cache = folder === undefined ? undefined : openArticleCache(folder);
        try {
          for (const [start, end] of claimChunks(counter, files.length, LOAD_CHUNK_SIZE)) {
            for (let index = start; index < end; index++)
              checked[index] = relinkSection(
                checkFile(files[index]!.absolute, files[index]!.file, cache),
              );
          }
        } finally {
          cache?.close();
        }
        await finished;
        let checkedNow = files.length;
        if (folder !== undefined && cache) {
          for (const key of cache.used) cacheUse.used.add(key);
          cacheUse.fresh.push(cache.fresh);
          checkedNow = cacheUse.fresh.reduce((sum, { entries }) => sum + entries.length, 0);
          saveArticleCache(folder, cacheUse.used, cacheUse.fresh);
          // The load outlives this call (the build keeps it): let the entries' memory go. (It is
          // given back at the main thread's next full garbage collection, which at 50,000
          // articles comes after the build's peak: that peak is 0.4–0.6 GiB higher with the cache
          // cold, measured; 2.9 GiB instead of 3.3 with a collection forced here.)
          cacheUse.fresh.length = 0;
          cacheUse.used.clear();
        }
        // This thread's cache learns what the workers checked, so a later `readArticles` of the
        // same unchanged files reads nothing again.
        stamps.forEach((stamp, index) =>
          rememberCheckedFile(files[index]!.absolute, stamp, checked[index]!),
        );
        return {
          ...collectArticles(files, checked, options),
          snapshot: { dir, root, files, checked },
          checkedByWorkers,
          startedEarly: early !== undefined,
          checked: checkedNow,
        };
      } finally {
        await stopWorkers();
      }
    },
  };
}

/**
 * The keys in the typography lint's cache of the files `read` (src/persian/content-key.ts), by
 * absolute path: taken as each file was read, so the build's summary need not read them again.
 */
export function contentKeysOf(read: ArchiveSnapshot): Map<string, string> {
  const keys = new Map<string, string>();
  read.files.forEach(({ absolute }, index) => {
    const key = read.checked[index]?.contentKey;
    if (key !== undefined) keys.set(absolute, key);
  });
  return keys;
}

/**
 * `readArticles` (load-articles.ts), with worker threads beside this one for a large archive.
 * Files are checked once each, by whichever thread claims them; this thread's cache learns every
 * result, so a later `readArticles` of the same unchanged files reads nothing again.
 */
export function readArticlesInParallel(
  options: Parameters<typeof startArticleLoad>[0],
): Promise<ParallelLoadResult> {
  return startArticleLoad(options).finish();
}
