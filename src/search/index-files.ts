/**
 * Writing the search index's files into a built site, and what the index worker
 * (index-worker.ts) is given and posts back: apart from index-site.ts, so the worker loads
 * nothing it does not run.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SearchIndexBuildStats, SearchIndexFile } from "./build-index.ts";
import { SEARCH_CHUNKS_PATH, SEARCH_DOCUMENTS_PATH } from "./paths.ts";
import type { SearchArticle } from "./records.ts";

/** Write the index's files into a built site, emptying its folders first (no stale chunk stays). */
export function writeIndexFiles(siteDir: string, files: readonly SearchIndexFile[]): void {
  for (const folder of [SEARCH_CHUNKS_PATH, SEARCH_DOCUMENTS_PATH])
    rmSync(path.join(siteDir, folder), { recursive: true, force: true });
  const folders = new Set<string>();
  for (const file of files) {
    const target = path.join(siteDir, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, file.content);
  }
}

/** What the index worker (index-worker.ts) is given and posts back. */
export interface IndexWorkerData {
  siteDir: string;
  articles: SearchArticle[];
  /** The folder of the record cache for this worker's code (src/search/record-cache.ts), if any. */
  recordCache?: string;
}
export type IndexWorkerMessage = { stats: SearchIndexBuildStats } | { error: string };
