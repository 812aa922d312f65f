// @ts-check
/**
 * `node --import ./scripts/start-article-load.mjs --import ./scripts/register-tsx.mjs
 * scripts/build.ts [--articles <dir>]`: start reading the archive the build will read, in worker
 * threads, before the next preload spends half a second loading Eleventy and the packages on this
 * thread (src/content/early-article-load.mjs). The folder is the build's: `--articles`, or
 * `SARKHAT_ARTICLES`, or content/news, relative to the working directory, worked out by the same
 * function as src/build-command.ts (`buildArticlesFolder`). Once they have read it, it starts the
 * search index's worker. Only the main thread starts anything; workers are not given this flag
 * anyway (src/worker-bundles.mjs). Before any of it, V8's tier-up is tuned for a short batch job
 * (src/v8-tiering.mjs).
 */
import { parseArgs } from "node:util";
import { isMainThread } from "node:worker_threads";
import { startEarlyArticleLoad } from "../src/content/early-article-load.mjs";
import { buildArticlesFolder } from "../src/content/paths.mjs";
import { tuneTieringForBuild } from "../src/v8-tiering.mjs";
import { INDEX_WORKER_FROM, startEarlyIndexWorker } from "../src/search/early-index-worker.mjs";

if (isMainThread) {
  tuneTieringForBuild();
  // The script's own options; anything else on its command line is not ours to judge.
  const { values } = parseArgs({
    options: { articles: { type: "string" } },
    strict: false,
    allowPositionals: true,
  });
  const articles = typeof values.articles === "string" ? values.articles : undefined;
  // The search index's worker starts once the archive is read, while this thread still loads the
  // build's modules, rather than after them (src/search/early-index-worker.mjs).
  startEarlyArticleLoad({
    dir: buildArticlesFolder(articles),
    root: process.cwd(),
    onRead: (files) => {
      if (files >= INDEX_WORKER_FROM) startEarlyIndexWorker(files);
    },
  });
}
