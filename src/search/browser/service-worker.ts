/**
 * The search page's service worker (/search/sw.js, scope /search/ only: no other page is ever
 * controlled). It keeps the search page working without a connection once it has been opened:
 * - on install it stores PRECACHE: the page, its styles, script and fonts, the index's manifest,
 *   and, when the whole index is small, the whole index (src/search/offline.ts decides);
 * - afterwards it stores every index chunk and result document it fetches, so what was searched
 *   before is found again offline;
 * - files whose name does not change with their content (the page, the manifest, the result
 *   documents) are fetched from the network first and from the store only offline; files named
 *   by their content (chunks, assets) come from the store.
 * Bundled by esbuild once for every build (the bundle is the same for every site); each build
 * writes its site's settings before it, in sw.js.
 */

/** What a build writes before the bundle, as `const SARKHAT_OFFLINE = {…};` (src/search/offline.ts). */
export interface OfflineSettings {
  precache: string[];
  networkFirst: string[];
  networkFirstFolders: string[];
  /** Changes whenever a stored file does, so that a new build replaces the stored copies. */
  version: string;
}
declare const SARKHAT_OFFLINE: OfflineSettings;
const {
  precache: PRECACHE,
  networkFirst: NETWORK_FIRST,
  networkFirstFolders: NETWORK_FIRST_FOLDERS,
  version: VERSION,
} = SARKHAT_OFFLINE;

// The service worker API, as far as this file uses it (the DOM library describes pages only).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = "sarkhat-search-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const networkFirst = new Set(NETWORK_FIRST);

scope.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: a copy in the HTTP cache may belong to the previous build.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

async function fromNetwork(request: Request, key: Request | string): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(key, response.clone());
  }
  return response;
}

async function networkThenStore(request: Request, key: Request | string): Promise<Response> {
  try {
    return await fromNetwork(request, key);
  } catch (error) {
    const stored = await caches.match(key, { ignoreSearch: true });
    if (stored) return stored;
    throw error;
  }
}

async function storeThenNetwork(request: Request): Promise<Response> {
  return (await caches.match(request)) ?? fromNetwork(request, request);
}

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.location.origin) return;
  if (request.mode === "navigate") {
    // Every search (`?q=…`) is the same page: store it once, under its path.
    event.respondWith(networkThenStore(request, url.pathname));
  } else if (
    networkFirst.has(url.pathname) ||
    NETWORK_FIRST_FOLDERS.some((folder) => url.pathname.startsWith(folder))
  ) {
    event.respondWith(networkThenStore(request, request));
  } else {
    event.respondWith(storeThenNetwork(request));
  }
});
