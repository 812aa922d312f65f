/**
 * Every page type at a small phone, a common phone and a desktop width: right to left, nothing
 * scrolling sideways, Vazirmatn really drawing the text, nothing failing or leaving the site,
 * no Content-Security-Policy violation. Screenshots (phone and desktop, light and dark) are kept
 * in test-results/screenshots/ for a person to look at.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserAvailability } from "../support/browser.ts";
import { fontProblems, layoutProblems, PageWatch, visit } from "../support/page-checks.ts";
import { pageTypes, pageUrl } from "../support/page-types.ts";
import { screenshotBothSchemes } from "../support/screenshots.ts";
import { openWatchedSite, type WatchedSite } from "../support/watched-site.ts";

const { run } = browserAvailability();

/** The smallest phone still in use, a common phone, a desktop. */
const WIDTHS = [320, 390, 1280] as const;
const SCREENSHOT_WIDTHS: readonly number[] = [390, 1280];

describe.skipIf(!run)("every page type in Chromium", () => {
  let site: WatchedSite;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    site = await openWatchedSite(inject("newsroomSiteDir"));
    ({ page, watch } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  describe.each(pageTypes)("$name ($path)", (type) => {
    it.each(WIDTHS)(
      "at %i px: rtl, no sideways scroll, Vazirmatn used, nothing failed or foreign, no CSP violation",
      async (width) => {
        await page.setViewportSize({ width, height: 800 });
        const url = pageUrl(site.origin, type.path);
        const problems = [
          ...(await visit(page, watch, url, type.status)),
          ...(await layoutProblems(page)),
          ...(await fontProblems(page)),
        ];
        if (SCREENSHOT_WIDTHS.includes(width)) {
          const files = await screenshotBothSchemes(page, type.name, width);
          expect(files.filter((file) => !existsSync(file))).toEqual([]);
        }
        problems.push(...watch.problems());
        expect(problems).toEqual([]);
      },
    );
  });
});
