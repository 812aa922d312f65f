/** Where search lives on the site. */
import { routes } from "../routes.ts";

/**
 * Site path of the Pagefind bundle: inside the search page's folder, so that the page, the index
 * and Pagefind's web worker share one top-level folder and so one Content-Security-Policy
 * (src/security/csp.ts gives `/search/` its script and WebAssembly permissions).
 */
export const SEARCH_BUNDLE_PATH = `${routes.search()}pagefind/`;

/** Site path of the search page's service worker, whose scope is the search page's folder alone. */
export const SERVICE_WORKER_PATH = `${routes.search()}sw.js`;
