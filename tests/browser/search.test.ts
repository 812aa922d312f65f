/**
 * Search as a reader uses it, in Chromium (issue 9): every spelling of a word finds the same
 * articles, titles rank first, nothing found is said in Persian, the page works with the keyboard,
 * without JavaScript, offline and under a path prefix, breaks no rule of its CSP, and fetches
 * nothing but its own index as JSON (no WebAssembly, no worker but the offline one).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Article } from "../../src/article.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { routes } from "../../src/routes.ts";
import { searchMessages as say } from "../../src/search/messages.ts";
import { publicationDate } from "../../src/search/records.ts";
import { sitePath } from "../../src/urls.ts";
import { browserAvailability, launchBrowser, type Browser } from "../support/browser.ts";
import { REAL_QUERIES, SPELLING_QUERIES } from "../support/search-queries.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const { run } = browserAvailability();
const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = "tests/fixtures/search";
const articles = loadArticles({ dir: path.join(ROOT, FIXTURES), root: ROOT });
const article = (code: number): Article => {
  const found = articles.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`${FIXTURES} has no article ${code}`);
  return found;
};

// Records CSP violations in the page (installed before any of its scripts run).
const RECORD_VIOLATIONS = () => {
  const log: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = log;
  document.addEventListener("securitypolicyviolation", (event) =>
    log.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
};

/** Wait until the status line reports the search for `query` (found or not), and return it. */
async function settled(page: Page, query: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([quoted, loading]) => {
      const status = document.getElementById("search-status")?.textContent ?? "";
      return status.includes(quoted!) && status !== loading ? status : false;
    },
    [`«${query.trim()}»`, say.loading],
  );
  return (await handle.jsonValue()) as string;
}

const codesOf = (hrefs: string[]) =>
  hrefs.map((href) => Number(/\/news\/(\d+)\/$/u.exec(href)?.[1]));

/** Type `query` key by key into the search field, press Enter, and return the result codes. */
async function search(page: Page, query: string): Promise<number[]> {
  const input = page.locator("#search-input");
  await input.fill("");
  await input.pressSequentially(query);
  await input.press("Enter");
  await settled(page, query);
  return codesOf(
    await page
      .locator("#search-results h2 a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")),
  );
}

describe.skipIf(!run)("search in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(inject("searchSiteDir"));
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    page = await browser.context.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(`${server.origin}${sitePath(routes.search())}`);
    await page.waitForFunction(
      (ready) => document.getElementById("search-status")?.textContent === ready,
      say.ready,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe("finds a word however either side typed it", () => {
    it.each(SPELLING_QUERIES)("%s", async (query, expected) => {
      expect((await search(page, query)).sort()).toEqual([...expected].sort());
    });
  });

  describe("answers real queries, titles first", () => {
    it.each(REAL_QUERIES)("%s", async (query, first, others) => {
      const codes = await search(page, query);
      expect(codes.slice(0, first.length)).toEqual(first);
      expect(codes).toEqual(expect.arrayContaining(others));
    });
  });

  it("says in Persian when nothing was found, and offers the archive", async () => {
    const query = "زیردریایی";
    expect(await search(page, query)).toEqual([]);
    expect(await page.locator("#search-status").textContent()).toBe(say.nothingFound(query));
    expect(await page.locator("#search-help").isVisible()).toBe(true);
    expect(await page.locator(`#search-help a[href="${sitePath(routes.archive())}"]`).count()).toBe(
      1,
    );
  });

  it("shows each result's title, section, Jalali date and an excerpt with the matches marked", async () => {
    const expected = article(5001);
    await search(page, "قره باغ");
    expect(await page.locator("#search-status").textContent()).toBe(say.found(1, "قره باغ"));
    const result = page.locator("#search-results > li").first();
    expect(await result.locator("h2 a").textContent()).toBe(expected.title);
    expect(await result.locator("h2 a").getAttribute("href")).toBe(sitePath(expected.url));
    expect(await result.locator(".search-section").textContent()).toBe(expected.section.name);
    expect(await result.locator("time").textContent()).toBe(publicationDate(expected).text);
    expect(await result.locator("time").getAttribute("datetime")).toBe(
      publicationDate(expected).datetime,
    );
    const marks = await result.locator(".search-excerpt mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^قره‌باغ/u);
    // The excerpt leaves the title out: it is the heading above.
    expect(await result.locator(".search-excerpt").textContent()).not.toContain(expected.title);
  });

  it("shows digits in the excerpt as Persian digits", async () => {
    await search(page, "2 هزار");
    const excerpt =
      (await page.locator("#search-results .search-excerpt").first().textContent()) ?? "";
    expect(excerpt).toContain("۵.۹ ریشتر");
    expect(excerpt).not.toMatch(/[0-9]/u);
  });

  it("keeps the query in the address, so a search can be linked and reloaded", async () => {
    await search(page, "تورم");
    expect(new URL(page.url()).searchParams.get("q")).toBe("تورم");
    await page.reload();
    await settled(page, "تورم");
    expect(await page.locator("#search-input").inputValue()).toBe("تورم");
    expect(
      codesOf(
        await page
          .locator("#search-results h2 a")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")),
      ),
    ).toEqual([5007, 5008]);
  });

  it("works with the keyboard alone: field, results, more results, an article", async () => {
    await page.goto(`${server.origin}${sitePath(routes.search())}`);
    let presses = 0;
    while (!(await page.evaluate(() => document.activeElement?.id === "search-input"))) {
      if (++presses > 40) throw new Error("Tab never reached the search field");
      await page.keyboard.press("Tab");
    }
    // «در» is in nearly every article: more results than one page shows.
    await page.keyboard.type("در");
    await page.keyboard.press("Enter");
    await settled(page, "در");
    const shown = await page.locator("#search-results > li").count();
    expect(shown).toBe(10);
    await page.keyboard.press("Tab"); // the submit button
    await page.keyboard.press("Tab"); // the first result
    expect(
      await page.evaluate(() => document.activeElement?.closest("#search-results li") !== null),
    ).toBe(true);
    while (!(await page.evaluate(() => document.activeElement?.id === "search-more"))) {
      if (++presses > 80) throw new Error("Tab never reached the «more results» button");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (count) => document.querySelectorAll("#search-results > li").length > count,
      shown,
    );
    // Focus moves to the first new result, which Enter opens.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    const links = await page
      .locator("#search-results h2 a")
      .evaluateAll((all) => all.map((link) => link.getAttribute("href")));
    expect(focused).toBe(links[shown]);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.origin}${focused}`);
    expect(await page.locator("h1").count()).toBe(1);
  });

  it("fetches only its index as JSON: the manifest, the chunks a query needs, ten results", async () => {
    const fresh = await browser.context.newPage();
    const requests: string[] = [];
    fresh.on("request", (request) => requests.push(new URL(request.url()).pathname));
    try {
      await fresh.goto(
        `${server.origin}${sitePath(routes.search())}?q=${encodeURIComponent("تروریست ها")}`,
      );
      await settled(fresh, "تروریست ها");
      const index = requests.filter((path) => path.endsWith(".json"));
      expect(index).toEqual(
        expect.arrayContaining([
          sitePath("/search/index.json"),
          sitePath("/search/docs/5001.json"),
        ]),
      );
      expect(index.filter((path) => path.includes("/search/docs/")).sort()).toEqual(
        ["5001", "5002", "5003"].map((code) => sitePath(`/search/docs/${code}.json`)),
      );
      expect(requests.filter((path) => /wasm|pagefind|worker/iu.test(path))).toEqual([]);
      expect(
        await fresh.evaluate(
          () =>
            performance.getEntriesByType("resource").filter((entry) => /wasm/u.test(entry.name))
              .length,
        ),
      ).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("breaks no rule of the page's Content-Security-Policy and logs no error", async () => {
    await page.goto(
      `${server.origin}${sitePath(routes.search())}?q=${encodeURIComponent("قره باغ")}`,
    );
    await settled(page, "قره باغ");
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("without JavaScript, says why and offers the archive and the tags", async () => {
    const withoutScripts = await launchBrowser({ javaScriptEnabled: false });
    try {
      const noScript = await withoutScripts.context.newPage();
      await noScript.goto(`${server.origin}${sitePath(routes.search())}`);
      const message = noScript.locator(".search-noscript");
      expect(await message.isVisible()).toBe(true);
      expect(await message.textContent()).toContain(say.noScript);
      expect(await message.locator(`a[href="${sitePath(routes.archive())}"]`).isVisible()).toBe(
        true,
      );
      expect(await message.locator(`a[href="${sitePath(routes.tags())}"]`).isVisible()).toBe(true);
    } finally {
      await withoutScripts.close();
    }
  });

  it("keeps working once loaded, with the server gone", async () => {
    const own = await serveStatic(inject("searchSiteDir"));
    const offline = await browser.context.newPage();
    try {
      await offline.goto(`${own.origin}${sitePath(routes.search())}`);
      await offline.evaluate(async () => {
        await navigator.serviceWorker.ready;
        // The first visit is controlled once the worker has claimed it.
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
          );
      });
      await own.close();
      await offline.reload();
      expect(await search(offline, "تروریست ها")).toHaveLength(3);
      expect(await search(offline, "كرمان")).toHaveLength(2);
      expect(await offline.locator("#search-results .search-excerpt mark").count()).toBeGreaterThan(
        0,
      );
    } finally {
      await offline.close();
    }
  });
});

describe.skipIf(!run)("search under a path prefix", () => {
  const PREFIX = "/news-site/";
  let dir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // The prefix is read once per process (src/urls.ts): build in a process of its own.
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-search-prefix-"));
    const site = path.join(dir, "site");
    await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "tests/support/child-build.ts", site, FIXTURES],
      {
        cwd: ROOT,
        env: { ...process.env, PATH_PREFIX: PREFIX },
      },
    );
    // Serve the site at the prefix, as a host maps it.
    mkdirSync(path.join(dir, "root"));
    symlinkSync(site, path.join(dir, "root", PREFIX.replaceAll("/", "")));
    server = await serveStatic(path.join(dir, "root"));
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("links results inside the prefix, and they open", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${PREFIX}search/?q=${encodeURIComponent("قره باغ")}`);
    await settled(page, "قره باغ");
    const link = page.locator("#search-results h2 a").first();
    expect(await link.getAttribute("href")).toBe(`${PREFIX}news/5001/`);
    await link.click();
    await page.waitForURL(`${server.origin}${PREFIX}news/5001/`);
    expect(await page.locator("h1").textContent()).toBe(article(5001).title);
  });
});
