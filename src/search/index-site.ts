/**
 * Index a built site: the search index of its published articles (src/search/build-index.ts),
 * written into the site, then the search page's service worker (src/search/offline.ts), which
 * needs the index's file names. `buildSite()` (src/build.ts) calls it before publishing, so a
 * failed index fails the build; `npm start` after every rebuild (src/plugins/search.ts).
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Article } from "../article.ts";
import { assembleSearchIndex, type SearchIndexBuildStats } from "./build-index.ts";
import { writeIndexFiles, type IndexWorkerData, type IndexWorkerMessage } from "./index-files.ts";
import { planOffline, writeServiceWorker } from "./offline.ts";
import { rememberedIndexText } from "./index-text.ts";
import { createKeyTable } from "./key-table.ts";
import { searchRecord, toSearchArticle, type SearchRecord } from "./records.ts";
import { registerBackgroundWriter } from "../background-writes.ts";
import { articleCacheFolder } from "../content/article-cache-folder.mjs";
import { archiveWorkerLimits, ROOT } from "../worker-bundles.mjs";
import { bundleWorker, firstMessage, startTypeScriptWorker } from "../worker.ts";
import { INDEX_WORKER_FROM, takeEarlyIndexWorker } from "./early-index-worker.mjs";

export interface SearchIndexStats {
  /** Articles in the index. */
  pages: number;
  /** Files and bytes as published: the index (manifest, chunks, result documents) and the service worker. */
  files: number;
  bytes: number;
  /** Of those, the index proper. */
  indexBytes: number;
  /** Wall time of the whole step: index text, index, writing, service worker. */
  ms: number;
  /** Of which the records: made (folding letters, restoring ZWNJs), or read from the cache. */
  textMs: number;
  /** Records made this time; the others were kept from an earlier build (or rebuild). */
  recordsMade: number;
}

/**
 * The record caches of every version of the index worker (src/search/record-cache.ts), one folder
 * each: node_modules/.cache/sarkhat-search, or the folder `SARKHAT_SEARCH_CACHES` names (the
 * tests name one of their own, vitest.config.ts, as they do for the checked articles).
 */
export const SEARCH_CACHES =
  process.env.SARKHAT_SEARCH_CACHES?.trim() ||
  path.join(ROOT, "node_modules", ".cache", "sarkhat-search");

// Records by article: the loader keeps an unchanged file's Article between rebuilds (`npm start`),
// so a rebuild makes the index text of the articles that changed only. Their key ids belong to
// one table for the life of the process; tag and section names recur across articles and rebuilds.
const records = new WeakMap<Article, SearchRecord>();
const table = createKeyTable();
const nameText = rememberedIndexText();

/**
 * Index those of `articles` whose page exists in the built site at `siteDir` (drafts and
 * articles held back for a later date have none), write the index and the service worker into
 * it, and return what it cost. Throws, naming the problem, when the index cannot be made.
 */
export async function indexSite(
  siteDir: string,
  articles: readonly Article[],
): Promise<SearchIndexStats> {
  const started = performance.now();
  const published = articles.filter((article) =>
    existsSync(path.join(siteDir, article.url, "index.html")),
  );
  const textStarted = performance.now();
  let recordsMade = 0;
  const made = published.map((article) => {
    let record = records.get(article);
    if (!record) {
      records.set(article, (record = searchRecord(toSearchArticle(article), { table, nameText })));
      recordsMade++;
    }
    return record;
  });
  const textMs = performance.now() - textStarted;
  const { files, stats } = assembleSearchIndex(made, table, { recordsMade });
  writeIndexFiles(siteDir, files);
  return finishIndex(siteDir, stats, { started, textMs });
}

/** The service worker, written once the whole site is (it lists the search page's assets). */
async function finishIndex(
  siteDir: string,
  stats: SearchIndexBuildStats,
  timing: { started: number; textMs: number },
): Promise<SearchIndexStats> {
  const plan = planOffline(siteDir, stats.bytes);
  const workerBytes = await writeServiceWorker(siteDir, plan);
  return {
    pages: stats.pages,
    files: stats.files + 1,
    bytes: stats.bytes + workerBytes,
    indexBytes: stats.bytes,
    ms: performance.now() - timing.started,
    textMs: timing.textMs,
    recordsMade: stats.recordsMade,
  };
}

/** A search index started before the site's pages are written (see `startSiteIndex`). */
export interface SiteIndexJob {
  /** Once the site's pages are written: wait for the index, write the service worker. */
  finish(): Promise<SearchIndexStats>;
  /** The build failed: stop the index (a worker's writes end before this resolves). */
  cancel(): Promise<void>;
}

/**
 * The index of `articles` (the articles whose pages the build writes), for a site whose pages are
 * about to be written into `siteDir`. On a large archive it is built and written in a worker
 * thread, beside this thread's page rendering: it needs nothing of the pages, and at 10,000
 * articles it is seconds of work (index text, postings, 10,000 result documents) that a second
 * core does meanwhile. `finish()` adds the service worker, which needs the search page. The
 * worker keeps its records for the next build in `options.searchCaches` (`SEARCH_CACHES` by
 * default).
 */
export function startSiteIndex(
  siteDir: string,
  articles: readonly Article[],
  options: { searchCaches?: string } = {},
): SiteIndexJob {
  // The worker `npm run build` may have started with the article load (early-index-worker.mjs).
  const early = takeEarlyIndexWorker();
  // Below INDEX_WORKER_FROM articles the index is made in this thread once the pages are written.
  if (articles.length < INDEX_WORKER_FROM || os.availableParallelism() < 2) {
    void early?.worker.terminate();
    return { finish: () => indexSite(siteDir, articles), cancel: async () => undefined };
  }
  const started = performance.now();
  const searchArticles = articles.map(toSearchArticle);
  const entry = new URL("./index-worker.ts", import.meta.url);
  // The worker's records are kept per version of its code: its bundle's name holds the hash of
  // what was bundled (src/worker.ts). Without a bundle (a read-only node_modules) none are kept.
  const bundle = early ? Promise.resolve(early.bundle) : bundleWorker(entry);
  const starting = early
    ? Promise.resolve(early.worker)
    : startTypeScriptWorker(entry, undefined, archiveWorkerLimits(articles.length));
  const unregister = registerBackgroundWriter(async () => {
    await (await starting).terminate();
  });
  const built = starting
    .then(async (worker) => {
      const answer = firstMessage<IndexWorkerMessage>(worker, "search index");
      // Anything it did while held (an error at its start) comes out now, to those listeners.
      early?.release();
      const file = await bundle;
      const data: IndexWorkerData = {
        siteDir,
        articles: searchArticles,
        ...(file === undefined
          ? {}
          : { recordCache: articleCacheFolder(file, options.searchCaches ?? SEARCH_CACHES) }),
      };
      worker.postMessage(data);
      return answer;
    })
    .then((message) => {
      if ("error" in message) throw new Error(`Search index: ${message.error}`);
      return message.stats;
    });
  // Awaited in finish(); this only keeps an early failure from counting as unhandled meanwhile.
  built.catch(() => undefined);
  return {
    async finish() {
      try {
        const stats = await built;
        return await finishIndex(siteDir, stats, { started, textMs: stats.textMs });
      } finally {
        unregister();
        await (await starting.catch(() => undefined))?.terminate();
      }
    },
    async cancel() {
      unregister();
      await (await starting.catch(() => undefined))?.terminate();
    },
  };
}
