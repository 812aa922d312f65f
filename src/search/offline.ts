/**
 * The search page's service worker (src/search/browser/service-worker.ts), written into a built
 * site after its index, with the list of files it stores when installed.
 *
 * Always stored: the search page, the styles, script (with the engine) and fonts it loads, and the
 * index's manifest: enough to open the page offline. The chunks and result documents are stored
 * too when the whole index is at most OFFLINE_INDEX_BUDGET bytes, so that every search of a small
 * archive works offline from the first visit; a larger archive is not downloaded whole behind the
 * reader's back, and the worker stores the chunks and result documents the reader's searches
 * fetch instead.
 *
 * Files whose content may change under the same name are fetched from the network first and from
 * the store only offline: the page, the manifest and the result documents (named by news code, so
 * an unchanged article keeps its URL, but a corrected title must show). Chunks are named by their
 * content and come from the store.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleContents, cachedBundle } from "../bundle-cache.ts";
import { routes } from "../routes.ts";
import { pathPrefix, sitePath } from "../urls.ts";
import type { OfflineSettings } from "./browser/service-worker.ts";
import {
  SEARCH_CHUNKS_PATH,
  SEARCH_DOCUMENTS_PATH,
  SEARCH_MANIFEST_PATH,
  SERVICE_WORKER_PATH,
} from "./paths.ts";

/** Largest index (manifest, chunks and result documents, in bytes) stored whole at the first visit. */
export const OFFLINE_INDEX_BUDGET = 512 * 1024;

const ENTRY = fileURLToPath(new URL("./browser/service-worker.ts", import.meta.url));

export interface OfflinePlan {
  /** Site paths (prefixed, encoded) stored when the worker installs. */
  precache: string[];
  /** Paths whose content may change under the same name: fetched network first. */
  networkFirst: string[];
  /** Folders (prefixed paths ending in /) whose every file is fetched network first. */
  networkFirstFolders: string[];
  /** Whether the whole index is in `precache`. */
  wholeIndex: boolean;
  /** Bytes of the index: manifest, chunks and result documents. */
  indexBytes: number;
}

/** The files of a folder of the built site (a site path), sorted, with their sizes. */
function filesIn(siteDir: string, folder: string): { path: string; bytes: number }[] {
  const dir = path.join(siteDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      path: `${folder}${name}`,
      bytes: statSync(path.join(dir, name)).size,
    }));
}

/** The prefixed output paths the search page loads from the site's assets, fonts included. */
function pageAssets(siteDir: string, pageHtml: string): string[] {
  const assetsPath = sitePath("/assets/");
  const references = [...pageHtml.matchAll(/\s(?:href|src)="([^"]+)"/gu)]
    .map((match) => match[1]!)
    .filter((url) => url.startsWith(assetsPath));
  const fonts = references
    .filter((url) => url.endsWith(".css"))
    .flatMap((css) => {
      const file = path.join(siteDir, decodeURI(css).slice(pathPrefix.length));
      return [...readFileSync(file, "utf8").matchAll(/url\(["']?([^"')]+)["']?\)/gu)].map(
        (match) => new URL(match[1]!, `http://site${css}`).pathname,
      );
    });
  return [...new Set([...references, ...fonts])].sort();
}

/**
 * What the service worker of the built site at `siteDir` stores, read from its files.
 * `knownIndexBytes`: the index's size when the caller has it (the builder's count of what it
 * wrote, src/search/build-index.ts); an index too large to be stored whole is then not listed at
 * all. Listing it meant a `stat` of each of its files: 10,000 result documents at 10,000
 * articles, about 80 ms of the build's last moments (profiled).
 */
export function planOffline(siteDir: string, knownIndexBytes?: number): OfflinePlan {
  const manifestFile = path.join(siteDir, SEARCH_MANIFEST_PATH);
  if (!existsSync(manifestFile))
    throw new Error(`Search offline plan: ${manifestFile} does not exist; index the site first`);
  const listed = knownIndexBytes === undefined || knownIndexBytes <= OFFLINE_INDEX_BUDGET;
  const indexFiles = listed
    ? [...filesIn(siteDir, SEARCH_CHUNKS_PATH), ...filesIn(siteDir, SEARCH_DOCUMENTS_PATH)]
    : [];
  const indexBytes =
    knownIndexBytes ??
    indexFiles.reduce((sum, file) => sum + file.bytes, statSync(manifestFile).size);
  const wholeIndex = indexBytes <= OFFLINE_INDEX_BUDGET;
  const page = sitePath(routes.search());
  const manifest = sitePath(SEARCH_MANIFEST_PATH);
  const pageHtml = readFileSync(path.join(siteDir, routes.search(), "index.html"), "utf8");
  const precache = [
    page,
    ...pageAssets(siteDir, pageHtml),
    manifest,
    ...(wholeIndex ? indexFiles.map((file) => sitePath(file.path)) : []),
  ];
  return {
    precache,
    networkFirst: [page, manifest],
    networkFirstFolders: [sitePath(SEARCH_DOCUMENTS_PATH)],
    wholeIndex,
    indexBytes,
  };
}

/** Write the service worker for `plan` into the site: its settings, then its bundle; returns its bytes. */
export async function writeServiceWorker(
  siteDir: string,
  plan: OfflinePlan = planOffline(siteDir),
): Promise<number> {
  // The version changes whenever a stored file does, so a new build replaces the stored copies.
  const version = createHash("sha256");
  for (const url of plan.precache) {
    version.update(url);
    const file = path.join(siteDir, decodeURI(url).slice(pathPrefix.length));
    version.update(
      statSync(file).isDirectory()
        ? readFileSync(path.join(file, "index.html"))
        : readFileSync(file),
    );
  }
  const bundle = await cachedBundle(
    "service-worker",
    ENTRY,
    {
      bundle: true,
      format: "iife",
      platform: "browser",
      target: ["es2020"],
      minify: true,
      legalComments: "none",
    },
    import.meta.filename,
  );
  const settings: OfflineSettings = {
    precache: plan.precache,
    networkFirst: plan.networkFirst,
    networkFirstFolders: plan.networkFirstFolders,
    version: version.digest("hex").slice(0, 12),
  };
  const script = Buffer.concat([
    Buffer.from(`const SARKHAT_OFFLINE = ${JSON.stringify(settings)};\n`),
    bundleContents(bundle),
  ]);
  writeFileSync(path.join(siteDir, SERVICE_WORKER_PATH), script);
  return script.byteLength;
}
