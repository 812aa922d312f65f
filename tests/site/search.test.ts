/**
 * Search in the built sites (issue 9): the index holds exactly the published articles, in their
 * indexed spelling, and the engine finds them in it; the search page is the one page with a
 * script; every page links to it.
 */
import { load } from "cheerio";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { routes } from "../../src/routes.ts";
import { contentSecurityPolicy, policyForPath } from "../../src/security/csp.ts";
import { LONG_CACHE, SHORT_CACHE } from "../../src/security/headers.ts";
import type { IndexManifest, ResultDocument } from "../../src/search/format.ts";
import { searchMessages } from "../../src/search/messages.ts";
import { planOffline } from "../../src/search/offline.ts";
import {
  SEARCH_CHUNKS_PATH,
  SEARCH_DOCUMENTS_PATH,
  SEARCH_MANIFEST_PATH,
  SERVICE_WORKER_PATH,
} from "../../src/search/paths.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import { textWords } from "../../src/search/words.ts";
import { sitePath } from "../../src/urls.ts";
import { headersFor, parseHeadersFile } from "../support/headers-file.ts";
import { serveSite } from "../support/search-index.ts";
import { loadPage, outputFile } from "../support/site.ts";

const newsroomDir = inject("newsroomSiteDir");
const searchDir = inject("searchSiteDir");

function manifestOf(siteDir: string): IndexManifest {
  return JSON.parse(
    readFileSync(path.join(siteDir, SEARCH_MANIFEST_PATH), "utf8"),
  ) as IndexManifest;
}

/** The result documents of a built site, by news code. */
function documents(siteDir: string): Map<number, ResultDocument> {
  const dir = path.join(siteDir, SEARCH_DOCUMENTS_PATH);
  return new Map(
    readdirSync(dir).map((name) => {
      const code = /^(\d+)\.json$/u.exec(name)?.[1];
      if (!code) throw new Error(`${dir} holds ${name}, which is not <news code>.json`);
      return [
        Number(code),
        JSON.parse(readFileSync(path.join(dir, name), "utf8")) as ResultDocument,
      ];
    }),
  );
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
    const indexed = documents(siteDir);
    expect([...indexed.values()].map((document) => document.url).sort()).toEqual(
      articlePages(siteDir),
    );
    for (const [code, document] of indexed)
      expect(document.url).toBe(sitePath(routes.article(code)));
    expect(manifestOf(siteDir).documents).toBe(indexed.size);
    expect(indexed.size).toBeLessThanOrEqual(fixtureFiles);
  });

  it("is the manifest, chunks named by their content and result documents: no runtime, no WebAssembly", () => {
    const manifest = manifestOf(siteDir);
    const chunkDir = path.join(siteDir, SEARCH_CHUNKS_PATH);
    expect(readdirSync(chunkDir).sort()).toEqual(manifest.chunks.map(([, , file]) => file).sort());
    for (const [, , file] of manifest.chunks) {
      const content = readFileSync(path.join(chunkDir, file));
      expect(file).toBe(
        `chunk.${createHash("sha256").update(content).digest("hex").slice(0, 10)}.json`,
      );
    }
    expect(readdirSync(path.join(siteDir, routes.search())).sort()).toEqual(
      ["docs", "index.html", "index.json", "sw.js"].sort(),
    );
    const everything = readdirSync(siteDir, { recursive: true, encoding: "utf8" });
    expect(everything.filter((file) => /wasm|pagefind/iu.test(file))).toEqual([]);
  });

  it("shows each result as its page does: title, section and date", () => {
    for (const [code, document] of documents(siteDir)) {
      const $ = loadPage(siteDir, routes.article(code));
      expect(document.headline, document.url).toBe($("h1").text());
      expect($(".article .meta a").first().text()).toBe(document.section);
      expect($(".article .meta time").first().text()).toBe(document.date);
      expect($(".article .meta time").first().attr("datetime")).toBe(document.datetime);
    }
  });

  it("finds every article by its own title, at the top among the titles that hold it", async () => {
    const { engine } = serveSite(siteDir);
    for (const [code, document] of documents(siteDir)) {
      const hits = await engine.search(document.headline);
      const titled = hits.filter((candidate) => candidate.titleHoldsQuery);
      expect(
        titled.map((candidate) => candidate.code),
        document.headline,
      ).toContain(code);
      expect(hits.slice(0, titled.length)).toEqual(titled);
    }
  });

  it("caches its chunks forever and its fixed names briefly (_headers)", () => {
    const rules = parseHeadersFile(readFileSync(path.join(siteDir, "_headers"), "utf8"));
    const cache = (path: string) => headersFor(rules, path).get("cache-control")?.value;
    for (const [, , file] of manifestOf(siteDir).chunks)
      expect(cache(sitePath(`${SEARCH_CHUNKS_PATH}${file}`))).toBe(LONG_CACHE);
    expect(cache(sitePath(SEARCH_MANIFEST_PATH))).toBe(SHORT_CACHE);
    expect(
      cache(sitePath(`${SEARCH_DOCUMENTS_PATH}${[...documents(siteDir).keys()][0]}.json`)),
    ).toBe(SHORT_CACHE);
  });
});

describe("the indexed text of the search fixture", () => {
  const byCode = documents(searchDir);

  it("has Persian letters and ASCII digits where the article was typed with Arabic ones", () => {
    const { content } = byCode.get(5004)!;
    expect(content).toContain("قیمت هر بشکه نفت برنت");
    expect(content).toContain("85 دلار");
    expect(content).not.toMatch(/[يك۰-۹]/u);
  });

  it("writes fused and separated suffixes with their ZWNJ", () => {
    expect(byCode.get(5002)!.content).toContain("تروریست\u200Cها");
    expect(byCode.get(5003)!.content).toContain("تروریست\u200Cها");
    expect(byCode.get(5012)!.content).toContain("بزرگ\u200Cترین");
  });

  it("opens with the indexed title, whose words the search page leaves out of the excerpt", () => {
    for (const [code, document] of byCode) {
      const title = toIndexText(loadPage(searchDir, routes.article(code))("h1").text());
      expect(document.content.startsWith(`${title} `), document.url).toBe(true);
      expect(document.titleWords).toBe(textWords(title).length);
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
    expect($("#search").attr("data-index")).toBe(sitePath(SEARCH_MANIFEST_PATH));
    expect($("#search").attr("data-service-worker")).toBe(sitePath(SERVICE_WORKER_PATH));
    expect($("#search").attr("data-scope")).toBe(sitePath(routes.search()));
  });

  it("ships a small script, engine included, without the dictionary or WebAssembly", () => {
    const script = readFileSync(outputFile(searchDir, $("script[src]").attr("src")!), "utf8");
    expect(script.length).toBeLessThan(20_000);
    expect(gzipSync(script).length).toBeLessThan(8_000);
    // Nothing of the dictionary (cspell-trie-lib, the word lists) nor of WebAssembly or Pagefind.
    expect(script).not.toMatch(/cspell|decodeTrie|words\/compounds|WebAssembly|pagefind/iu);
  });

  it("may run its own script and nothing else, no WebAssembly, in the page and in _headers", () => {
    const expected = contentSecurityPolicy(policyForPath(routes.search()), "meta");
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(expected);
    expect(expected).toMatch(/script-src 'self';/u);
    const headers = readFileSync(path.join(searchDir, "_headers"), "utf8");
    const block = headers
      .split("\n\n")
      .find((rule) => rule.startsWith(`${sitePath(routes.search())}*\n`));
    expect(block).toContain(contentSecurityPolicy(policyForPath(SEARCH_MANIFEST_PATH), "header"));
    expect(headers).not.toContain("wasm");
  });

  it("installs a service worker that stores only files the site has, the whole small index included", () => {
    const plan = planOffline(searchDir);
    const worker = readFileSync(path.join(searchDir, SERVICE_WORKER_PATH), "utf8");
    expect(worker).toContain(JSON.stringify(plan.precache));
    expect(worker).toContain(JSON.stringify(plan.networkFirst));
    expect(plan.wholeIndex).toBe(true);
    for (const url of plan.precache) expect(existsSync(outputFile(searchDir, url)), url).toBe(true);
    expect(plan.precache).toContain($("script[src]").attr("src"));
    const manifest = manifestOf(searchDir);
    expect(plan.precache).toEqual(
      expect.arrayContaining([
        sitePath(SEARCH_MANIFEST_PATH),
        ...manifest.chunks.map(([, , file]) => sitePath(`${SEARCH_CHUNKS_PATH}${file}`)),
        ...[...documents(searchDir).keys()].map((code) =>
          sitePath(`${SEARCH_DOCUMENTS_PATH}${code}.json`),
        ),
      ]),
    );
    // Names that keep their name when their content changes come from the network first.
    expect(plan.networkFirst).toEqual([sitePath(routes.search()), sitePath(SEARCH_MANIFEST_PATH)]);
    expect(plan.networkFirstFolders).toEqual([sitePath(SEARCH_DOCUMENTS_PATH)]);
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
