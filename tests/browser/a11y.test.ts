/**
 * Accessibility of every page type, at a phone width: axe-core's WCAG 2.2 A/AA rules in light and
 * dark, the skip link, keyboard reach and visible focus, heading order, and Latin text isolated
 * from the Persian around it (the fixture article «ماهواره Nahid-2» checked glyph by glyph).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LATIN_LANG } from "../../src/bidi.ts";
import { routes } from "../../src/routes.ts";
import { sections } from "../../src/site.ts";
import { browserAvailability } from "../support/browser.ts";
import {
  axeProblems,
  bidiProblems,
  headingProblems,
  keyboardProblems,
  PageWatch,
  skipLinkProblems,
  visit,
} from "../support/page-checks.ts";
import { MIXED_SCRIPT_ARTICLE_CODE, pageTypes, pageUrl } from "../support/page-types.ts";
import { openWatchedSite, type WatchedSite } from "../support/watched-site.ts";

const { run } = browserAvailability();

describe.skipIf(!run)("accessibility in Chromium", () => {
  let site: WatchedSite;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    site = await openWatchedSite(inject("newsroomSiteDir"), {
      viewport: { width: 390, height: 844 },
    });
    ({ page, watch } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  describe.each(pageTypes)("$name ($path)", (type) => {
    const open = async () => {
      const problems = await visit(page, watch, pageUrl(site.origin, type.path), type.status);
      if (problems.length) throw new Error(problems.join("\n"));
    };

    it("has no WCAG 2.2 A/AA violation (axe-core), in light and in dark", async () => {
      await open();
      const light = await axeProblems(page);
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await axeProblems(page).finally(() =>
        page.emulateMedia({ colorScheme: "light" }),
      );
      expect({ light, dark }).toEqual({ light: [], dark: [] });
    });

    it("has one h1 and no skipped heading level; Latin text is isolated and not marked Persian", async () => {
      await open();
      expect([...(await headingProblems(page)), ...(await bidiProblems(page))]).toEqual([]);
    });

    it("opens with a working skip link to the main content", async () => {
      await open();
      expect(await skipLinkProblems(page)).toEqual([]);
    });

    it("lets the keyboard reach every link and field, each with a visible focus indicator", async () => {
      await open();
      expect(await keyboardProblems(page)).toEqual([]);
    });
  });

  const science = sections.find((section) => section.slug === "science");
  const mixedScriptPages = [
    {
      where: "the article's title",
      path: routes.article(MIXED_SCRIPT_ARTICLE_CODE),
      selector: "main h1",
    },
    {
      where: "its section's list",
      path: routes.section(science!),
      selector: `main a[href$="${routes.article(MIXED_SCRIPT_ARTICLE_CODE)}"]`,
    },
  ];

  it.each(mixedScriptPages)(
    "keeps «Nahid-2» in reading order in $where: an ltr, English-marked run",
    async ({ path, selector }) => {
      await visit(page, watch, pageUrl(site.origin, path));
      const run = await page.evaluate((selector) => {
        const span = document
          .querySelector(selector)
          ?.querySelector<HTMLElement>('span[dir="ltr"]');
        if (!span || !span.firstChild) return null;
        // Where the first and last characters are drawn: left to right when the run is intact.
        const range = document.createRange();
        range.setStart(span.firstChild, 0);
        range.setEnd(span.firstChild, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(span.firstChild, span.firstChild.textContent!.length - 1);
        range.setEnd(span.firstChild, span.firstChild.textContent!.length);
        const last = range.getBoundingClientRect().left;
        return {
          text: span.textContent,
          lang: span.lang,
          direction: getComputedStyle(span).direction,
          leftToRight: first < last,
        };
      }, selector);
      expect(run).toEqual({
        text: "Nahid-2",
        lang: LATIN_LANG,
        direction: "ltr",
        leftToRight: true,
      });
    },
  );
});
