/**
 * The search page's service worker (src/search/browser/service-worker.ts), written into a built
 * site after its index, with the list of files it stores when installed.
 *
 * Always stored: the search page, the styles, script and fonts it loads, and Pagefind's runtime
 * (pagefind.js, its worker, its WebAssembly, the entry and meta files): enough to open the page
 * and run Pagefind offline. The index chunks and results (fragments) are stored too when the
 * whole index is at most OFFLINE_INDEX_BUDGET bytes, so that every search of a small archive works
 * offline from the first visit; a larger archive is not downloaded whole behind the reader's back,
 * and the worker stores the chunks and results the reader's searches fetch instead.
 */
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { routes } from "../routes.ts";
import { pathPrefix, sitePath } from "../urls.ts";
import { SEARCH_BUNDLE_PATH, SERVICE_WORKER_PATH } from "./paths.ts";

/** Largest index (chunks, filters and fragments, in bytes) stored whole at the first visit. */
export const OFFLINE_INDEX_BUDGET = 512 * 1024;

const ENTRY = fileURLToPath(new URL("./browser/service-worker.ts", import.meta.url));

// Folders of Pagefind's bundle whose files are named by their content.
const INDEX_FOLDERS = ["index", "filter", "fragment"];

export interface OfflinePlan {
  /** Site paths (prefixed, encoded) stored when the worker installs. */
  precache: string[];
  /** Of those, the paths whose content may change under the same name: fetched network first. */
  networkFirst: string[];
  /** Whether the whole index is in `precache`. */
  wholeIndex: boolean;
  /** Bytes of the index folders. */
  indexBytes: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
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

/** What the service worker of the built site at `siteDir` stores, read from its files. */
export function planOffline(siteDir: string): OfflinePlan {
  const bundleDir = path.join(siteDir, SEARCH_BUNDLE_PATH);
  const bundleFiles = filesUnder(bundleDir);
  const indexFiles = bundleFiles.filter((file) => INDEX_FOLDERS.includes(file.split("/")[0]!));
  const runtime = bundleFiles.filter((file) => !indexFiles.includes(file));
  const indexBytes = indexFiles.reduce(
    (sum, file) => sum + statSync(path.join(bundleDir, file)).size,
    0,
  );
  const wholeIndex = indexBytes <= OFFLINE_INDEX_BUDGET;
  const bundlePath = (file: string) => sitePath(`${SEARCH_BUNDLE_PATH}${file}`);
  const page = sitePath(routes.search());
  const pageHtml = readFileSync(path.join(siteDir, routes.search(), "index.html"), "utf8");
  // Pagefind names its meta file by content; its runtime, worker, WebAssembly and entry keep their names.
  const networkFirst = [
    page,
    ...runtime.filter((file) => !file.endsWith(".pf_meta")).map(bundlePath),
  ];
  const precache = [
    page,
    ...pageAssets(siteDir, pageHtml),
    ...runtime.map(bundlePath),
    ...(wholeIndex ? indexFiles.map(bundlePath) : []),
  ];
  return { precache, networkFirst, wholeIndex, indexBytes };
}

/** Bundle the service worker for `plan` and write it to the site; returns its bytes. */
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
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
    define: {
      PRECACHE: JSON.stringify(plan.precache),
      NETWORK_FIRST: JSON.stringify(plan.networkFirst),
      VERSION: JSON.stringify(version.digest("hex").slice(0, 12)),
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${ENTRY}`);
  writeFileSync(path.join(siteDir, SERVICE_WORKER_PATH), output.text);
  return output.contents.byteLength;
}
