/**
 * A printed article: navigation, share links and related articles gone; the article, its date and
 * its URL kept; and the PDF Chromium prints really carries the article's words.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sections } from "../../src/site.ts";
import { browserAvailability } from "../support/browser.ts";
import {
  articleText,
  PageWatch,
  pdfProblems,
  printProblems,
  visit,
} from "../support/page-checks.ts";
import { ARTICLE_PRINT, pageTypes, pageUrl } from "../support/page-types.ts";
import { SCREENSHOT_DIR } from "../support/screenshots.ts";
import { openWatchedSite, type WatchedSite } from "../support/watched-site.ts";

const { run } = browserAvailability();

describe.skipIf(!run)("a printed article", () => {
  const article = pageTypes.find((type) => type.name === "article")!;
  let site: WatchedSite;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    site = await openWatchedSite(inject("newsroomSiteDir"));
    ({ page, watch } = site);
    expect(await visit(page, watch, pageUrl(site.origin, article.path))).toEqual([]);
  });

  afterAll(async () => {
    await site?.close();
  });

  it("hides navigation, share links and related articles, and keeps the article, its date and its URL", async () => {
    expect(await printProblems(page, ARTICLE_PRINT)).toEqual([]);
  });

  it("prints to a PDF that holds the article's words and none of the section menu", async () => {
    const { text, section } = await articleText(page);
    // The menu names every section; the article's own appears in its byline and may be printed.
    const menuOnly = sections.map((entry) => entry.name).filter((name) => name !== section);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path.join(SCREENSHOT_DIR, "article-print.pdf"), pdf);
    expect(pdfProblems(pdf, text, menuOnly)).toEqual([]);
    expect(watch.problems()).toEqual([]);
  });
});
