/**
 * Worker-thread entry: lint the given paths and post back the one-line summary. With a cache
 * (src/persian/lint-cache.ts), the findings of files unchanged since a build with the same code and
 * word lists are taken from it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openLintCache, typographyCacheVersion } from "./lint-cache.ts";
import { lintContentFiles, summarizeFindings } from "./lint-files.ts";

/** What the build gives this worker. */
export interface LintWorkerData {
  paths: string[];
  /** The cache's file, and the identity of the code linting (its bundle). */
  cache?: { file: string; code: string };
}

const { paths, cache: cacheOptions } = workerData as LintWorkerData;
const cache =
  cacheOptions && openLintCache(cacheOptions.file, typographyCacheVersion(cacheOptions.code));
const result = await lintContentFiles(paths, { cache });
cache?.save();
parentPort?.postMessage(summarizeFindings(result));
