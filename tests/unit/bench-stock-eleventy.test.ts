/**
 * The benchmark's stock Eleventy site (bench/stock-eleventy.ts) builds what the README says it
 * compares the build with: a page for every article, an index of them all and an RSS feed. A
 * stock build that silently made less would flatter it. The benchmark itself is not a test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { parseRssFeed } from "feedsmith";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import {
  prepareStockSite,
  STOCK_CHILD,
  type StockMeasurement,
} from "../../bench/stock-eleventy.ts";
import { readArticles } from "../../src/content/load-articles.ts";

const COUNT = 30;
/** The stock site's feed holds the latest 20 (bench/stock-eleventy/eleventy.config.mjs). */
const FEED_ITEMS = 20;
const BENCH = path.resolve(import.meta.dirname, "..", "..", "bench");
const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-stock-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the benchmark's stock Eleventy site", () => {
  const corpus = path.join(dir, "corpus");
  writeCorpus(corpus, COUNT);
  const { articles } = readArticles({ dir: corpus, root: corpus });
  const site = prepareStockSite(path.join(dir, "site"), corpus);
  const output = path.join(dir, "output");
  const child = spawnSync(process.execPath, [path.join(BENCH, STOCK_CHILD), site, output], {
    encoding: "utf8",
  });
  const page = (article: (typeof articles)[number]) => {
    const [year, file] = article.file.split("/").slice(-2) as [string, string];
    const html = readFileSync(
      path.join(output, "news", year, path.basename(file, ".md"), "index.html"),
      "utf8",
    );
    return cheerio.load(html);
  };

  it("builds in plain node and prints its measurement last", () => {
    expect(child.status, child.stderr).toBe(0);
    const measurement = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as StockMeasurement;
    expect(measurement.processMs).toBeGreaterThan(0);
    expect(measurement.cpuMs).toBeGreaterThan(0);
    expect(measurement.peakRssBytes).toBeGreaterThan(0);
  });

  it("makes every article a full page in its layout, with its title and body", () => {
    expect(articles).toHaveLength(COUNT);
    for (const article of articles) {
      const $ = page(article);
      expect($("html").attr("dir"), article.file).toBe("rtl");
      expect($("h1").text(), article.file).toBe(article.title);
      expect($("article > p").length, article.file).toBeGreaterThan(3);
    }
  });

  it("lists every article on its index page", () => {
    const $ = cheerio.load(readFileSync(path.join(output, "index.html"), "utf8"));
    const titles = $("main li a")
      .map((_, link) => $(link).text())
      .get();
    expect(titles.sort()).toEqual(articles.map((article) => article.title).sort());
  });

  it("has an RSS feed of the latest articles, with their content", () => {
    const feed = parseRssFeed(readFileSync(path.join(output, "feed.xml"), "utf8"));
    expect(feed.items).toHaveLength(FEED_ITEMS);
    const titles = new Set(articles.map((article) => article.title));
    for (const item of feed.items ?? []) {
      expect(titles.has(item.title ?? ""), item.title).toBe(true);
      expect(item.description?.length ?? 0, item.title).toBeGreaterThan(500);
    }
  });
});
