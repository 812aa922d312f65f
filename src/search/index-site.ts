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
import { firstMessage, startTypeScriptWorker } from "../worker.ts";
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
  /** Of which making the records: folding letters, restoring ZWNJs (the dictionary). */
  textMs: number;
}

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
  const made = published.map((article) => {
    let record = records.get(article);
    if (!record)
      records.set(article, (record = searchRecord(toSearchArticle(article), { table, nameText })));
    return record;
  });
  const textMs = performance.now() - textStarted;
  const { files, stats } = assembleSearchIndex(made, table);
  writeIndexFiles(siteDir, files);
  return finishIndex(siteDir, stats, { started, textMs });
}

/** The service worker, written once the whole site is (it lists the search page's assets). */
async function finishIndex(
  siteDir: string,
  stats: SearchIndexBuildStats,
  timing: { started: number; textMs: number },
): Promise<SearchIndexStats> {
  const plan = planOffline(siteDir);
  const workerBytes = await writeServiceWorker(siteDir, plan);
  return {
    pages: stats.pages,
    files: stats.files + 1,
    bytes: stats.bytes + workerBytes,
    indexBytes: stats.bytes,
    ms: performance.now() - timing.started,
    textMs: timing.textMs,
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
 * core does meanwhile. `finish()` adds the service worker, which needs the search page.
 */
export function startSiteIndex(siteDir: string, articles: readonly Article[]): SiteIndexJob {
  // The worker `npm run build` may have started with the article load (early-index-worker.mjs).
  const early = takeEarlyIndexWorker();
  // Below INDEX_WORKER_FROM articles the index is made in this thread once the pages are written.
  if (articles.length < INDEX_WORKER_FROM || os.availableParallelism() < 2) {
    void early?.worker.terminate();
    return { finish: () => indexSite(siteDir, articles), cancel: async () => undefined };
  }
  const started = performance.now();
  const data: IndexWorkerData = { siteDir, articles: articles.map(toSearchArticle) };
  const starting = early
    ? Promise.resolve(early.worker)
    : startTypeScriptWorker(new URL("./index-worker.ts", import.meta.url), undefined);
  const unregister = registerBackgroundWriter(async () => {
    await (await starting).terminate();
  });
  const built = starting
    .then((worker) => {
      const answer = firstMessage<IndexWorkerMessage>(worker, "search index");
      // Anything it did while held (an error at its start) comes out now, to those listeners.
      early?.release();
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
