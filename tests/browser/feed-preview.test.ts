/**
 * Opening a feed in Chromium shows the Persian preview page (src/feeds/preview.ts), not raw XML:
 * right-to-left, styled by the site's own stylesheets, every item's title visible.
 */
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { browserAvailability, launchBrowser, type Browser } from "../support/browser.ts";
import { readOutput } from "../support/site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { parseXmlStrict } from "../support/xml.ts";

const { run } = browserAvailability();
const siteDir = inject("newsroomSiteDir");
const ATOM = "http://www.w3.org/2005/Atom";
const world = site.sections.find((section) => section.slug === "world")!;

/** The item titles a feed carries, read from the XML itself. */
function titlesIn(feedPath: string): string[] {
  const document = parseXmlStrict(readOutput(siteDir, feedPath));
  return feedPath.endsWith("atom.xml")
    ? Array.from(document.getElementsByTagNameNS(ATOM, "entry")).map(
        (entry) => entry.getElementsByTagNameNS(ATOM, "title")[0]!.textContent!,
      )
    : Array.from(document.getElementsByTagName("item")).map(
        (item) => item.getElementsByTagName("title")[0]!.textContent!,
      );
}

interface Report {
  lang: string;
  dir: string;
  mainDirection: string;
  bodyFont: string;
  heading: string;
  titles: { text: string; visible: boolean; href: string | null }[];
  feedUrl: string | undefined;
  rawXmlShown: boolean;
}

describe.skipIf(!run)("the feed preview in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  const requests: string[] = [];
  const failures: string[] = [];
  const reports = new Map<string, Report>();
  const feeds = [
    routes.feed(routes.home(), "rss"),
    routes.feed(routes.home(), "atom"),
    routes.feed(routes.section(world), "rss"),
  ];

  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    for (const feedPath of feeds) {
      const page = await browser.context.newPage();
      page.on("request", (request) => requests.push(request.url()));
      page.on("requestfailed", (request) =>
        failures.push(`${request.url()} ${request.failure()?.errorText}`),
      );
      page.on("response", (response) => {
        if (response.status() >= 400) failures.push(`${response.url()} HTTP ${response.status()}`);
      });
      await page.goto(`${server.origin}${feedPath}`, { waitUntil: "load" });
      await page.waitForSelector(".feed-items");
      await page.evaluate(() => document.fonts.ready);
      reports.set(
        feedPath,
        await page.evaluate(() => {
          const main = document.querySelector("main");
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            mainDirection: main ? getComputedStyle(main).direction : "",
            bodyFont: getComputedStyle(document.body).fontFamily,
            heading: document.querySelector("h1")?.textContent ?? "",
            titles: [...document.querySelectorAll(".feed-items h3 a")].map((a) => {
              const box = a.getBoundingClientRect();
              const style = getComputedStyle(a);
              return {
                text: a.textContent ?? "",
                visible:
                  box.width > 0 &&
                  box.height > 0 &&
                  style.visibility === "visible" &&
                  style.display !== "none",
                href: a.getAttribute("href"),
              };
            }),
            feedUrl: (document.querySelector("#feed-url") as HTMLInputElement | null)?.value,
            rawXmlShown: document.querySelector("rss, feed") !== null,
          };
        }),
      );
      await page.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(feeds)(
    "%s is laid out as a right-to-left Persian page, styled by the site's stylesheet",
    (feedPath) => {
      const report = reports.get(feedPath)!;
      expect(report.rawXmlShown).toBe(false);
      expect(report.lang).toBe(site.lang);
      expect(report.dir).toBe("rtl");
      expect(report.mainDirection).toBe("rtl");
      expect(report.bodyFont.startsWith("Vazirmatn")).toBe(true);
    },
  );

  it.each(feeds)("%s shows every item's title, visibly, linking to the article", (feedPath) => {
    const report = reports.get(feedPath)!;
    const expected = titlesIn(feedPath);
    expect(expected.length).toBeGreaterThan(0);
    expect(report.titles.map((title) => title.text)).toEqual(expected);
    expect(report.titles.every((title) => title.visible)).toBe(true);
    expect(report.titles.every((title) => title.href?.startsWith(absoluteUrl("/news/")))).toBe(
      true,
    );
  });

  it.each(feeds)("%s explains subscribing and offers its own URL to copy", (feedPath) => {
    const report = reports.get(feedPath)!;
    expect(report.feedUrl).toBe(absoluteUrl(feedPath));
    expect(report.heading.length).toBeGreaterThan(0);
  });

  it("isolates Latin runs in titles, as the site's pages do («Nahid-2»)", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${routes.feed(routes.home(), "atom")}`, { waitUntil: "load" });
    const isolated = await page.$$eval('.feed-items h3 span[dir="ltr"][lang="en"]', (spans) =>
      spans.map((span) => span.textContent),
    );
    await page.close();
    expect(isolated).toContain("Nahid-2");
  });

  it.each(["rss", "atom"] as const)(
    "shows hostile %s text exactly: the markup-like title and the escaped lead",
    async (format) => {
      const escaping = await serveStatic(inject("escapingSiteDir"));
      const page = await browser.context.newPage();
      try {
        await page.goto(`${escaping.origin}${routes.feed(routes.home(), format)}`, {
          waitUntil: "load",
        });
        const shown = await page.$eval(".feed-items article", (article) => ({
          title: article.querySelector("h3")!.textContent,
          lead: article.querySelector("p")!.textContent,
          elements: article.querySelectorAll("script, b").length,
        }));
        const document = parseXmlStrict(
          readOutput(inject("escapingSiteDir"), routes.feed(routes.home(), "rss")),
        );
        const item = document.getElementsByTagName("item")[0]!;
        expect(shown.title).toBe(item.getElementsByTagName("title")[0]!.textContent);
        expect(shown.lead).toBe(
          load(item.getElementsByTagName("description")[0]!.textContent!, null, false).text(),
        );
        expect(shown.lead).toMatch(/[<&]/);
        expect(shown.elements).toBe(0);
      } finally {
        await page.close();
        await escaping.close();
      }
    },
  );

  it("loads nothing from another host and nothing fails", () => {
    expect(requests.length).toBeGreaterThan(feeds.length);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    expect(failures).toEqual([]);
  });
});
