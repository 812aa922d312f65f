/**
 * The other yardstick: "it must still beat stock Eleventy". A stock Eleventy 3 site
 * (bench/stock-eleventy/: Eleventy's defaults, a Nunjucks layout, an index of every article and the
 * official plugin's RSS feed, what the Hugo figure builds) made from the same corpus, in a
 * process of its own under plain `node`, as `npx @11ty/eleventy` runs.
 */
import { cpSync } from "node:fs";
import path from "node:path";

/** The stock site's templates and directory data; the corpus goes into its `news/`. */
const STOCK_SITE = path.join(import.meta.dirname, "stock-eleventy", "site");

/** The child that builds it, relative to bench/ (bench/stock-eleventy/build-child.mjs). */
export const STOCK_CHILD = path.join("stock-eleventy", "build-child.mjs");

/** What the child prints, measured as bench/build-child.ts measures the build. */
export interface StockMeasurement {
  /** Since the process started, up to the end of `eleventy.write()`. */
  processMs: number;
  /** All threads, user + system. */
  cpuMs: number;
  peakRssBytes: number;
}

/** Lay out the stock site in `dest` (which must not exist) with the articles of `corpusDir`. */
export function prepareStockSite(dest: string, corpusDir: string): string {
  cpSync(STOCK_SITE, dest, { recursive: true });
  cpSync(corpusDir, path.join(dest, "news"), { recursive: true });
  return dest;
}
