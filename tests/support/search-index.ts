/**
 * The search engine in Node: a `fetch` over index files (built in memory by buildSearchIndex, or
 * read from a built site), recording every request, so tests can search a real index without a
 * browser and count what a query downloads.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  createSearchEngine,
  type Fetcher,
  type SearchEngine,
} from "../../src/search/browser/engine.ts";
import type { SearchIndexFile } from "../../src/search/build-index.ts";
import { SEARCH_MANIFEST_PATH } from "../../src/search/paths.ts";

export const ORIGIN = "http://sarkhat.test";

export interface ServedIndex {
  engine: SearchEngine;
  fetch: Fetcher;
  /** Paths requested, in order. */
  requests: string[];
  /** Bytes answered (UTF-8), in total. */
  bytes(): number;
}

function serve(read: (sitePath: string) => string | undefined): ServedIndex {
  const requests: string[] = [];
  let bytes = 0;
  const fetch: Fetcher = async (url) => {
    const { origin, pathname } = new URL(url);
    requests.push(pathname);
    const content = origin === ORIGIN ? read(decodeURI(pathname)) : undefined;
    if (content === undefined)
      return { ok: false, status: 404, json: () => Promise.reject(new Error("no body")) };
    bytes += Buffer.byteLength(content);
    return { ok: true, status: 200, json: async () => JSON.parse(content) as unknown };
  };
  const engine = createSearchEngine({ manifestUrl: `${ORIGIN}${SEARCH_MANIFEST_PATH}`, fetch });
  return { engine, fetch, requests, bytes: () => bytes };
}

/** An engine over files made by buildSearchIndex (paths relative to the site's folder). */
export function serveFiles(files: readonly SearchIndexFile[]): ServedIndex {
  const byPath = new Map(files.map((file) => [`/${file.path}`, file.content]));
  return serve((sitePath) => byPath.get(sitePath));
}

/** An engine over a built site's folder. */
export function serveSite(siteDir: string): ServedIndex {
  return serve((sitePath) => {
    const file = path.join(siteDir, sitePath);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  });
}
