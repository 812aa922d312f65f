/**
 * Search in the built sites (issue 9): the index holds exactly the published articles, in their
 * indexed spelling; the search page is the one page with a script; every page links to it.
 */
import { load } from "cheerio";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { routes } from "../../src/routes.ts";
import { contentSecurityPolicy, policyForPath } from "../../src/security/csp.ts";
import { RESULT_FIELDS } from "../../src/search/fields.ts";
import { searchMessages } from "../../src/search/messages.ts";
import { planOffline } from "../../src/search/offline.ts";
import { SEARCH_BUNDLE_PATH, SERVICE_WORKER_PATH } from "../../src/search/paths.ts";
import { sitePath } from "../../src/urls.ts";
import { loadPage, outputFile } from "../support/site.ts";

const newsroomDir = inject("newsroomSiteDir");
const searchDir = inject("searchSiteDir");

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's result fragments: gzip, then a `pagefind_dcd` signature, then JSON. */
function fragments(siteDir: string): Fragment[] {
  const dir = path.join(siteDir, SEARCH_BUNDLE_PATH, "fragment");
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    if (!text.startsWith("pagefind_dcd"))
      throw new Error(`${name} is not a Pagefind fragment: ${text.slice(0, 40)}`);
    return JSON.parse(text.slice("pagefind_dcd".length)) as Fragment;
  });
}

/** Site paths of the article pages that exist in a built site. */
function articlePages(siteDir: string): string[] {
  return readdirSync(path.join(siteDir, "news"))
    .filter((code) => existsSync(path.join(siteDir, "news", code, "index.html")))
    .map((code) => sitePath(routes.article(Number(code))))
    .sort();
}

function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.split(path.sep).join("/"));
}

describe.each([
  ["the newsroom fixture", newsroomDir, 35],
  ["the search fixture", searchDir, 15],
])("the search index of %s", (_, siteDir, fixtureFiles) => {
  it("holds every published article page and nothing else", () => {
    const indexed = fragments(siteDir)
      .map((fragment) => fragment.url)
      .sort();
    expect(indexed).toEqual(articlePages(siteDir));
    const entry = JSON.parse(
      readFileSync(path.join(siteDir, SEARCH_BUNDLE_PATH, "pagefind-entry.json"), "utf8"),
    ) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.fa?.page_count).toBe(indexed.length);
    expect(indexed.length).toBeLessThanOrEqual(fixtureFiles);
  });

  it("ships Pagefind's runtime and index, not its ready-made interfaces", () => {
    const files = readdirSync(path.join(siteDir, SEARCH_BUNDLE_PATH));
    expect(files).toEqual(
      expect.arrayContaining([
        "pagefind.js",
        "pagefind-worker.js",
        "wasm.unknown.pagefind",
        "pagefind-entry.json",
        "index",
        "fragment",
        "filter",
      ]),
    );
    expect(files.filter((file) => /ui|highlight|playground/u.test(file))).toEqual([]);
  });

  it("shows each result as written: title, section and date", () => {
    for (const fragment of fragments(siteDir)) {
      const code = Number(/\/news\/(\d+)\//u.exec(fragment.url)?.[1]);
      const $ = loadPage(siteDir, routes.article(code));
      expect(fragment.meta[RESULT_FIELDS.headline], fragment.url).toBe($("h1").text());
      expect($(".article .meta a").first().text()).toBe(
        fragment.filters[RESULT_FIELDS.section]?.[0],
      );
      expect($(".article .meta time").first().text()).toBe(
        fragment.filters[RESULT_FIELDS.date]?.[0],
      );
      expect($(".article .meta time").first().attr("datetime")).toBe(
        fragment.filters[RESULT_FIELDS.datetime]?.[0],
      );
    }
  });
});

describe("the indexed text of the search fixture", () => {
  const byUrl = new Map(fragments(searchDir).map((fragment) => [fragment.url, fragment]));
  const fragmentOf = (code: number) => byUrl.get(sitePath(routes.article(code)))!;

  it("has Persian letters and ASCII digits where the article was typed with Arabic ones", () => {
    const { content } = fragmentOf(5004);
    expect(content).toContain("قیمت هر بشکه نفت برنت");
    expect(content).toContain("85 دلار");
    expect(content).not.toMatch(/[يك۰-۹]/u);
  });

  it("writes fused and separated suffixes with their ZWNJ", () => {
    expect(fragmentOf(5002).content).toContain("تروریست\u200Cها");
    expect(fragmentOf(5003).content).toContain("تروریست\u200Cها");
    expect(fragmentOf(5012).content).toContain("بزرگ\u200Cترین");
  });

  it("opens with the indexed title, which the search page leaves out of the excerpt", () => {
    for (const fragment of byUrl.values()) {
      const title = fragment.meta[RESULT_FIELDS.indexedTitle]!;
      expect(fragment.content.startsWith(title), fragment.url).toBe(true);
    }
  });
});

describe("the search page", () => {
  const $ = loadPage(searchDir, routes.search());

  it("is a form that works with the keyboard: a labelled search field and a submit button", () => {
    const form = $("form#search-form");
    expect(form.attr("role")).toBe("search");
    expect(form.attr("action")).toBe(sitePath(routes.search()));
    const input = form.find("input#search-input");
    expect(input.attr("type")).toBe("search");
    expect(input.attr("name")).toBe("q");
    expect(form.find(`label[for="search-input"]`).text()).toBe(searchMessages.label);
    expect(form.find('button[type="submit"]').text()).toBe(searchMessages.submit);
  });

  it("announces its results in a live status line and lists them as an ordered list", () => {
    expect($("#search-status").attr("role")).toBe("status");
    expect($("#search-status").attr("aria-live")).toBe("polite");
    expect($("ol#search-results").attr("aria-label")).toBe(searchMessages.resultsLabel);
  });

  it("says, without JavaScript, why nothing happens and offers the archive and the tags", () => {
    const noscript = $("noscript");
    expect(noscript).toHaveLength(1);
    const fallback = load(noscript.html() ?? "");
    expect(fallback("p").text()).toContain(searchMessages.noScript);
    expect(fallback(`a[href="${sitePath(routes.archive())}"]`)).toHaveLength(1);
    expect(fallback(`a[href="${sitePath(routes.tags())}"]`)).toHaveLength(1);
  });

  it("loads its fingerprinted script and stylesheet, and tells the script where the index is", () => {
    const script = $("script[src]");
    expect(script).toHaveLength(1);
    expect(script.attr("type")).toBe("module");
    const file = outputFile(searchDir, script.attr("src")!);
    const content = readFileSync(file);
    expect(path.basename(file)).toBe(
      `search.${createHash("sha256").update(content).digest("hex").slice(0, 10)}.js`,
    );
    const styles = $('link[rel="stylesheet"]')
      .map((_, link) => $(link).attr("href"))
      .get();
    expect(styles.some((href) => /\/assets\/search\.[0-9a-f]{10}\.css$/u.test(href))).toBe(true);
    expect($("#search").attr("data-pagefind")).toBe(sitePath(SEARCH_BUNDLE_PATH));
    expect($("#search").attr("data-service-worker")).toBe(sitePath(SERVICE_WORKER_PATH));
    expect($("#search").attr("data-scope")).toBe(sitePath(routes.search()));
  });

  it("ships a small script without the dictionary: the query side needs none", () => {
    const script = readFileSync(outputFile(searchDir, $("script[src]").attr("src")!), "utf8");
    expect(script.length).toBeLessThan(20_000);
    expect(script).not.toMatch(/cspell|trie|words\/compounds/iu);
  });

  it("may run its own script and WebAssembly, in the page and in _headers", () => {
    const expected = contentSecurityPolicy(policyForPath(routes.search()), "meta");
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(expected);
    expect(expected).toMatch(/script-src 'self' 'wasm-unsafe-eval'/u);
    const headers = readFileSync(path.join(searchDir, "_headers"), "utf8");
    const block = headers
      .split("\n\n")
      .find((rule) => rule.startsWith(`${sitePath(routes.search())}*\n`));
    expect(block).toContain(contentSecurityPolicy(policyForPath(SEARCH_BUNDLE_PATH), "header"));
    expect(block).toContain("'wasm-unsafe-eval'");
  });

  it("installs a service worker that stores only files the site has", () => {
    const plan = planOffline(searchDir);
    const worker = readFileSync(path.join(searchDir, SERVICE_WORKER_PATH), "utf8");
    expect(worker).toContain(JSON.stringify(plan.precache));
    expect(plan.wholeIndex).toBe(true);
    for (const url of plan.precache) expect(existsSync(outputFile(searchDir, url)), url).toBe(true);
    expect(plan.precache).toContain($("script[src]").attr("src"));
  });
});

describe("every other page", () => {
  const pages = htmlFiles(newsroomDir);

  it("links to the search page from its header", () => {
    const withHeader = pages
      .map((file) => loadPage(newsroomDir, `/${file}`))
      .filter(($) => $("header.site-header").length);
    expect(withHeader.length).toBeGreaterThan(50);
    for (const $ of withHeader)
      expect($(`header.site-header a[href="${sitePath(routes.search())}"]`).text()).toBe(
        searchMessages.title,
      );
  });

  it("ships no script: the search page is the only one", () => {
    const withScripts = pages.filter(
      (file) =>
        loadPage(newsroomDir, `/${file}`)('script:not([type="application/ld+json"])').length > 0,
    );
    expect(withScripts).toEqual([`${routes.search().slice(1)}index.html`]);
  });
});
