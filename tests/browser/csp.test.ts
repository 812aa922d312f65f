/**
 * The Content-Security-Policy in Chromium, delivered as a real host would deliver it: the built
 * site's own `_headers` file (header policy, security headers, feed content types) is applied to
 * every response, on top of each page's `<meta>` policy. Every page type — the list in
 * tests/support/page-types.ts, plus one page of every URL shape found in the build, so a page type
 * added later is covered without editing this file — loads with zero CSP violations and zero
 * console errors. A self-test proves the same watch reports a page that breaks the policy.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contentSecurityPolicy, policyForPath } from "../../src/security/csp.ts";
import { browserAvailability, launchBrowser, type Browser } from "../support/browser.ts";
import { headersFor, parseHeadersFile, type ParsedRule } from "../support/headers-file.ts";
import { PageWatch, visit } from "../support/page-checks.ts";
import { pageTypes, pageUrl } from "../support/page-types.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const { run } = browserAvailability();

/** The site path a file is served at: `news/1/index.html` → `/news/1/`. */
function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * One page of every URL shape of a build (numbers and non-ASCII segments generalised): every
 * article is one shape, every tag page another, each section its own. Feeds shown through their
 * XSLT preview count as pages: they get the header policy only (an XML document has no `<meta>`).
 */
function representativePaths(siteDir: string): string[] {
  const files = readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter(
      (file) =>
        file.endsWith(".html") ||
        (/\.xml$/.test(file) &&
          readFileSync(path.join(siteDir, file), "utf8").includes("<?xml-stylesheet")),
    )
    // A redirect page (short links) leaves at once for a page that is visited on its own.
    .filter(
      (file) => !/<meta http-equiv="refresh"/i.test(readFileSync(path.join(siteDir, file), "utf8")),
    )
    .sort();
  const byShape = new Map<string, string>();
  for (const file of files) {
    const shape = sitePathOf(file)
      .split("/")
      .map((segment) =>
        /^\d+$/.test(segment) ? "N" : /[^\x20-\x7E]/.test(segment) ? "S" : segment,
      )
      .join("/");
    if (!byShape.has(shape)) byShape.set(shape, sitePathOf(file));
  }
  return [...byShape.values()];
}

/** Serve every response of `origin` with the headers `_headers` gives its path. */
async function applyHeadersFile(
  page: Page,
  origin: string,
  rules: readonly ParsedRule[],
  applied: Map<string, Record<string, string>>,
): Promise<void> {
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) return route.continue();
    try {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      for (const [name, { value }] of headersFor(rules, url.pathname)) headers[name] = value;
      applied.set(url.pathname, headers);
      await route.fulfill({ response, headers });
    } catch (error) {
      // A request still in flight when the test moves to the next page (a favicon re-fetched after
      // an XSLT transform) is disposed under us; anything else is a real failure.
      if (!/disposed|closed/i.test(String(error))) throw error;
    }
  });
}

// The newsroom has every page type; the escaping fixture adds hostile text, which shows in its
// article and the feeds (its other pages are the newsroom's types again).
const SECTION_PAGE = /^\/(politics|world|economy|society|culture|sport|science)\/$/;
const ARTICLE_PAGE = /^\/news\/\d+\/$/;
const builds = [
  {
    name: "the newsroom fixture",
    siteDir: () => inject("newsroomSiteDir"),
    listed: pageTypes.map((type) => ({ path: type.path, status: type.status })),
    wanted: (_found: string) => true,
    core: [/^\/$/, ARTICLE_PAGE, SECTION_PAGE],
  },
  {
    name: "the escaping fixture (hostile text)",
    siteDir: () => inject("escapingSiteDir"),
    listed: [],
    wanted: (found: string) => ARTICLE_PAGE.test(found) || /^\/(feed|atom)\.xml$/.test(found),
    core: [ARTICLE_PAGE, /^\/feed\.xml$/],
  },
];

describe.skipIf(!run).each(builds)("$name served with its _headers file in Chromium", (build) => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const applied = new Map<string, Record<string, string>>();
  const siteDir = build.siteDir();
  const rules = parseHeadersFile(readFileSync(path.join(siteDir, "_headers"), "utf8"));
  const listed = build.listed;
  const paths = [
    ...listed,
    ...representativePaths(siteDir)
      .filter((found) => build.wanted(found) && !listed.some((type) => type.path === found))
      .map((found) => ({ path: found, status: 200 })),
  ];

  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    watch = await PageWatch.attach(page, server.origin);
    await applyHeadersFile(page, server.origin, rules, applied);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has pages of every core type to visit", () => {
    for (const core of build.core)
      expect(
        paths.map((entry) => entry.path).filter((visited) => core.test(visited)),
        String(core),
      ).not.toEqual([]);
  });

  it.each(paths)(
    "$path: no CSP violation, no console error, the header policy applied",
    async ({ path: sitePath, status }) => {
      const url = pageUrl(server.origin, sitePath);
      const problems = await visit(page, watch, url, status);
      problems.push(...watch.problems());
      expect(problems).toEqual([]);
      // The policy really came with the response (a page under a top-level rule), and is the page's.
      const headers = applied.get(new URL(url).pathname);
      if (status === 200)
        expect(headers?.["content-security-policy"]).toBe(
          contentSecurityPolicy(policyForPath(sitePath), "header"),
        );
      expect(headers?.["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("serves the feeds with their own types, and the browser still shows the RSS and Atom previews", async () => {
    for (const [feed, type] of [
      ["/feed.xml", "application/rss+xml"],
      ["/atom.xml", "application/atom+xml"],
    ] as const) {
      const response = await page.goto(`${server.origin}${feed}`, { waitUntil: "load" });
      expect(response?.headers()["content-type"]).toBe(`${type}; charset=utf-8`);
      // The XSLT preview turned the feed into an HTML page in Persian.
      expect(await page.evaluate(() => document.documentElement.getAttribute("dir"))).toBe("rtl");
    }
  });
});

describe.skipIf(!run)("JSON-LD under script-src 'none'", () => {
  it("is data, not script: an article page with JSON-LD reports no violation", async () => {
    const siteDir = inject("newsroomSiteDir");
    const server = await serveStatic(siteDir);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const watch = await PageWatch.attach(page, server.origin);
      const articlePath = pageTypes.find((type) => type.name === "article")!.path;
      const problems = await visit(page, watch, pageUrl(server.origin, articlePath));
      expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
      expect(
        await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"),
      ).toMatch(/script-src 'none'/);
      expect([...problems, ...watch.problems()]).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe.skipIf(!run)("the watch, on pages that break the site's own policy", () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;

  // Each page carries the policy the site gives ordinary pages, and breaks it once.
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(policyForPath("/"), "meta")}">`;
  const broken = {
    "inline-style.html": `<p style="color:red">سرخ</p>`,
    "inline-script.html": `<script>document.title = "x"</script>`,
    "other-host.html": `<img src="https://example.org/x.png" alt="">`,
    "script-file.html": `<script src="/x.js"></script>`,
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-csp-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "x.js"), "document.title = 'x';\n");
    for (const [file, body] of Object.entries(broken)) {
      writeFileSync(
        path.join(dir, file),
        `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8">${meta}<title>t</title></head><body>${body}</body></html>`,
      );
    }
    server = await serveStatic(dir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(broken))("reports %s", async (file) => {
    const page = await browser.context.newPage();
    const watch = await PageWatch.attach(page, server.origin);
    await visit(page, watch, `${server.origin}/${file}`);
    expect(watch.problems().filter((problem) => problem.startsWith("CSP violation"))).not.toEqual(
      [],
    );
    await page.close();
  });
});
