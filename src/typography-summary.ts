/**
 * The build's one-line typography summary. Linting a large archive costs about 0.13 ms of CPU an
 * article (1.3 s for 10,000), so it runs in a worker thread beside Eleventy (which uses one core)
 * instead of before it, and files unchanged since an earlier build are not linted again
 * (src/persian/lint-cache.ts). When the cache has every file, the summary is the cache's, and no
 * worker starts.
 */
import path from "node:path";
import { readLintCache, typographyCacheVersion } from "./persian/lint-cache.ts";
import { summarizeFromCache } from "./persian/lint-files.ts";
import type { LintWorkerData } from "./persian/lint-worker.ts";
import { firstMessage, startTypeScriptWorker, workerCodeVersion } from "./worker.ts";
import { ROOT } from "./worker-bundles.mjs";

const LINT_WORKER = new URL("./persian/lint-worker.ts", import.meta.url);

/** Beside the other build caches (worker bundles, the dictionary's trie, font subsets). */
export const LINT_CACHE_FILE = path.join(
  ROOT,
  "node_modules",
  ".cache",
  "sarkhat-typography",
  "findings.json",
);

export async function startTypographySummary(
  paths: readonly string[],
  options: {
    cacheFile?: string | false;
    /**
     * The keys in the cache of files already read (absolute path → key): the build's, from the
     * article load (src/content/load-parallel.ts, `contentKeysOf`).
     */
    contentKeys?: ReadonlyMap<string, string>;
  } = {},
): Promise<string> {
  const cacheFile = options.cacheFile ?? LINT_CACHE_FILE;
  const code = cacheFile === false ? undefined : await workerCodeVersion(LINT_WORKER);
  // A build whose files the cache all has needs no worker: its summary is the cache's. The worker
  // costs about 0.3 s of CPU to start and to read and hash every file again, and it runs when the
  // build is at its busiest, as the pages and the search index start (bench/HISTORY.md).
  if (cacheFile !== false && code !== undefined && options.contentKeys) {
    const cached = readLintCache(cacheFile, typographyCacheVersion(code));
    const summary = await summarizeFromCache(paths, cached, options.contentKeys);
    if (summary !== undefined) return summary;
  }
  const data: LintWorkerData = {
    paths: [...paths],
    cache: cacheFile === false || code === undefined ? undefined : { file: cacheFile, code },
  };
  const worker = await startTypeScriptWorker(LINT_WORKER, data);
  return firstMessage<string>(worker, "typography lint");
}
