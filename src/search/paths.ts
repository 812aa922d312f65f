/**
 * Where search lives on the site (site paths, before any PATH_PREFIX). The page, its manifest and
 * result documents and its service worker sit in the search page's folder, which is the service
 * worker's scope and has the page's Content-Security-Policy; the chunks of the word index are
 * named by their content and so live with the other fingerprinted files in /assets/, which hosts
 * cache forever (src/security/headers.ts).
 */
import { routes } from "../routes.ts";

/** The manifest of the index: a fixed name, so the page always finds the current index. */
export const SEARCH_MANIFEST_PATH = `${routes.search()}index.json`;

/** The folder of result documents, one per article: `<news code>.json`. */
export const SEARCH_DOCUMENTS_PATH = `${routes.search()}docs/`;

/** The folder of the word index's chunks: `chunk.<hash>.json`. */
export const SEARCH_CHUNKS_PATH = "/assets/search-index/";

/** Site path of the search page's service worker, whose scope is the search page's folder alone. */
export const SERVICE_WORKER_PATH = `${routes.search()}sw.js`;
