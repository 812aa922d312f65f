/**
 * The `_headers` file and the `<meta>` policy of real builds: every file the site serves gets its
 * headers from exactly one rule each, fingerprinted assets are the only ones cached forever, feeds
 * have their types, and every page carries its policy before anything it governs.
 */
import { load } from "cheerio";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FEED_TYPES, type FeedFormat } from "../../src/routes.ts";
import { contentSecurityPolicy, policyForPath } from "../../src/security/csp.ts";
import {
  headerRules,
  LONG_CACHE,
  renderHeadersFile,
  SHORT_CACHE,
} from "../../src/security/headers.ts";
import { site } from "../../src/site.ts";
import { pathPrefix } from "../../src/urls.ts";
import { headersFor, parseHeadersFile } from "../support/headers-file.ts";

const FEED_FILES: Record<string, FeedFormat> = {
  "feed.xml": "rss",
  "atom.xml": "atom",
  "feed.json": "json",
};

/** The path a browser asks for to get a file: `news/1/index.html` → `/news/1/`, percent-encoded. */
function requestPath(file: string): string {
  return encodeURI(pathPrefix + file.replace(/(^|\/)index\.html$/, "$1"));
}

describe.each([
  ["the real content", inject("siteDir")],
  ["the newsroom fixture", inject("newsroomSiteDir")],
])("the build of %s", (_, siteDir) => {
  // Every file the host serves (it reads `_headers` and `_redirects` itself).
  const files = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .filter((file) => file !== "_headers" && file !== "_redirects")
    .sort();
  const rules = parseHeadersFile(readFileSync(path.join(siteDir, "_headers"), "utf8"));

  it("is the file the list of every file on disk gives, and the build counted every file", () => {
    // The build writes `_headers` from an outline (the top of the output and the feeds it
    // rendered) rather than listing every file again: it must come to the same rules.
    expect(readFileSync(path.join(siteDir, "_headers"), "utf8")).toBe(
      renderHeadersFile(
        headerRules([...files, "_redirects"], { pathPrefix, https: site.url.startsWith("https:") }),
      ),
    );
    expect(inject("writtenFiles")[siteDir], "the files the build said it wrote").toBe(
      files.length + 2,
    );
  });

  it("stays within what every host reads (Cloudflare Pages: 100 rules)", () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    expect(files.length).toBeGreaterThan(20);
  });

  it("gives no file a header from two rules", () => {
    const twice = files.flatMap((file) =>
      [...headersFor(rules, requestPath(file))]
        .filter(([, { from }]) => from.length > 1)
        .map(([name, { from }]) => `${file}: ${name} from ${from.join(" and ")}`),
    );
    expect(twice).toEqual([]);
  });

  it("caches only fingerprinted files forever, and everything else briefly", () => {
    const wrong = files.flatMap((file) => {
      const cache = headersFor(rules, requestPath(file)).get("cache-control")?.value;
      const fingerprinted = /\.[0-9a-f]{10}\.[a-z0-9]+$/.test(file);
      const expected = fingerprinted && file.startsWith("assets/") ? LONG_CACHE : SHORT_CACHE;
      return cache === expected
        ? []
        : [`${file}: ${cache ?? "no Cache-Control"}, expected ${expected}`];
    });
    expect(wrong).toEqual([]);
    // A file under /assets/ without a hash in its name would be cached forever under a name that changes content.
    expect(
      files.filter(
        (file) => file.startsWith("assets/") && !/\.[0-9a-f]{10}\.[a-z0-9]+$/.test(file),
      ),
    ).toEqual([]);
  });

  it("serves every feed with its own type, and every page with its policy and the security headers", () => {
    const wrong = files.flatMap((file) => {
      const headers = headersFor(rules, requestPath(file));
      const problems: string[] = [];
      const format = FEED_FILES[file.split("/").at(-1)!];
      if (format && headers.get("content-type")?.value !== `${FEED_TYPES[format]}; charset=utf-8`)
        problems.push(`${file}: content type ${headers.get("content-type")?.value}`);
      if (!format && headers.has("content-type"))
        problems.push(`${file}: a content type of its own`);
      const sitePath = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      if (
        headers.get("content-security-policy")?.value !==
        contentSecurityPolicy(policyForPath(sitePath), "header")
      )
        problems.push(`${file}: CSP ${headers.get("content-security-policy")?.value}`);
      if (headers.get("x-content-type-options")?.value !== "nosniff")
        problems.push(`${file}: no nosniff`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it("puts each page's own policy in a <meta> right after the charset, before anything it governs", () => {
    const wrong = files
      .filter((file) => file.endsWith(".html"))
      .flatMap((file) => {
        const $ = load(readFileSync(path.join(siteDir, file), "utf8"));
        const head = $("head").children().toArray();
        const sitePath = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
        const expected = contentSecurityPolicy(policyForPath(sitePath), "meta");
        const meta = $('meta[http-equiv="Content-Security-Policy"]');
        if (meta.length !== 1 || meta.attr("content") !== expected)
          return [`${file}: ${meta.length} policies, ${meta.attr("content")}`];
        if (head[0] !== $("meta[charset]")[0] || head[1] !== meta[0])
          return [`${file}: the policy is not right after <meta charset>`];
        return [];
      });
    expect(wrong).toEqual([]);
  });
});
