// @ts-check
/**
 * Where the checked-article cache (article-cache.ts) of the code in a load worker's bundle lives.
 * JavaScript because the early load (early-article-load.mjs) names it before TypeScript can run.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { installedPackagesVersion, ROOT } from "../worker-bundles.mjs";

/**
 * The caches of every version of the loader, one folder each (named by `articleCacheFolder`):
 * node_modules/.cache/sarkhat-articles, or the folder `SARKHAT_ARTICLE_CACHES` names. The tests
 * name one of their own (vitest.config.ts): the archives they load must not take the place of
 * the newsroom's in its cache (`pruneArticleCache` keeps the last build's entries).
 */
export const ARTICLE_CACHES =
  process.env.SARKHAT_ARTICLE_CACHES?.trim() ||
  path.join(ROOT, "node_modules", ".cache", "sarkhat-articles");

/**
 * The folder of checked articles for the loader in `bundle` (a load worker's bundle file, whose
 * name holds the hash of everything bundled: src/worker.ts). What a checked file holds depends,
 * beside its bytes and its name, on that code; on V8, whose serialisation the entries are in; on
 * the Unicode, ICU and time-zone data of this Node (the rules' `\p{…}` classes, dates read in
 * the site's zone); on the packages the bundle imports, as installed (markdown-it, yaml, zod…:
 * `installedPackagesVersion`); and on the two settings the bundled code reads from the environment
 * (src/site.ts, src/urls.ts). A change to any of them is another folder, so a stale entry is never
 * read. `caches`: the folder of every version's folder, `ARTICLE_CACHES` by default; `packages`:
 * the packages' version, the installed one by default. The search index keeps its records the
 * same way, per version of its worker's bundle (src/search/index-site.ts, `SEARCH_CACHES`).
 * @param {string} bundle
 * @param {string} [caches]
 * @param {string} [packages]
 */
export function articleCacheFolder(
  bundle,
  caches = ARTICLE_CACHES,
  packages = installedPackagesVersion(),
) {
  const { v8, unicode, icu, tz } = process.versions;
  const identity = [
    path.basename(bundle),
    packages,
    v8,
    unicode,
    icu,
    tz,
    process.env.SITE_URL ?? null,
    process.env.PATH_PREFIX ?? null,
  ];
  const version = createHash("sha256").update(JSON.stringify(identity)).digest("hex");
  return path.join(caches, version.slice(0, 16));
}
