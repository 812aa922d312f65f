import { describe, expect, it } from "vitest";
import { FEED_TYPES } from "../../src/routes.ts";
import { contentSecurityPolicy, policyForPath } from "../../src/security/csp.ts";
import {
  headerRules,
  outlineOf,
  LONG_CACHE,
  renderHeadersFile,
  SHORT_CACHE,
} from "../../src/security/headers.ts";
import { headersFor, matchesPath, parseHeadersFile } from "../support/headers-file.ts";

// A site as the build writes it, feeds at three depths and a search page and its index included.
const files = [
  "_headers",
  "_redirects",
  "404.html",
  "assets/fonts/vazirmatn-arabic-400.0123456789.woff2",
  "assets/search-index/chunk.0123456789.json",
  "assets/site.0123456789.css",
  "atom.xml",
  "feed.json",
  "feed.xml",
  "index.html",
  "news/1001/index.html",
  "robots.txt",
  "search/docs/1001.json",
  "search/index.html",
  "search/index.json",
  "search/sw.js",
  "tags/گروه-مینسک/atom.xml",
  "tags/گروه-مینسک/feed.json",
  "tags/گروه-مینسک/feed.xml",
  "tags/گروه-مینسک/index.html",
  "world/feed.xml",
  "world/index.html",
  "world/page/2/index.html",
];

/** The request path of a file, as a browser asks for it (percent-encoded). */
function requestPath(prefix: string, file: string): string {
  return encodeURI(prefix + file.replace(/(^|\/)index\.html$/, "$1"));
}

describe.each(["/", "/news-site/"])("the _headers file with PATH_PREFIX=%s", (pathPrefix) => {
  const text = renderHeadersFile(headerRules(files, { pathPrefix, https: true }));
  const rules = parseHeadersFile(text);
  const served = files.filter((file) => !file.startsWith("_"));

  it("sets no header twice for any file (hosts disagree on how they would merge)", () => {
    const twice = served.flatMap((file) =>
      [...headersFor(rules, requestPath(pathPrefix, file))]
        .filter(([, { from }]) => from.length > 1)
        .map(([name, { from }]) => `${file}: ${name} from ${from.join(" and ")}`),
    );
    expect(twice).toEqual([]);
  });

  it.each(served)("gives %s security headers, one cache policy and its page's CSP", (file) => {
    const headers = headersFor(rules, requestPath(pathPrefix, file));
    expect(headers.get("x-content-type-options")?.value).toBe("nosniff");
    expect(headers.get("referrer-policy")?.value).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")?.value).toMatch(/camera=\(\)/);
    expect(headers.get("strict-transport-security")?.value).toBe("max-age=31536000");
    expect(headers.get("cache-control")?.value).toBe(
      file.startsWith("assets/") ? LONG_CACHE : SHORT_CACHE,
    );
    expect(headers.get("content-security-policy")?.value).toBe(
      contentSecurityPolicy(policyForPath(`/${file}`), "header"),
    );
  });

  it.each(served.filter((file) => /(feed\.xml|atom\.xml|feed\.json)$/.test(file)))(
    "serves the feed %s with its own type",
    (file) => {
      const format = file.endsWith("atom.xml")
        ? "atom"
        : file.endsWith("feed.json")
          ? "json"
          : "rss";
      expect(headersFor(rules, requestPath(pathPrefix, file)).get("content-type")?.value).toBe(
        `${FEED_TYPES[format]}; charset=utf-8`,
      );
    },
  );

  it("gives pages no content type of their own (the host's text/html stands)", () => {
    expect(headersFor(rules, requestPath(pathPrefix, "world/index.html")).has("content-type")).toBe(
      false,
    );
  });

  it("stays inside its prefix", () => {
    for (const rule of rules) expect(rule.path.startsWith(pathPrefix)).toBe(true);
  });
});

describe("headerRules", () => {
  it("does not tell browsers to insist on HTTPS for a site served over HTTP", () => {
    expect(renderHeadersFile(headerRules(files, { pathPrefix: "/", https: false }))).not.toMatch(
      /Strict-Transport-Security/,
    );
  });

  it("gives an outline's rules: the top-level names and the feeds, wherever they are", () => {
    const outline = outlineOf(files);
    expect(outline.topLevelFiles, "files at the top").toContain("index.html");
    expect(outline.topLevelFolders, "folders at the top").toContain("assets");
    expect([...outline.feedFiles].sort(), "every feed file and nothing else").toEqual(
      files.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file)).sort(),
    );
    const reordered = {
      topLevelFiles: [...outline.topLevelFiles].reverse(),
      topLevelFolders: [...outline.topLevelFolders].reverse(),
      feedFiles: [...outline.feedFiles].reverse(),
    };
    expect(
      renderHeadersFile(headerRules(reordered, { pathPrefix: "/", https: true })),
      "the same file from the outline in any order as from the files",
    ).toBe(renderHeadersFile(headerRules(files, { pathPrefix: "/", https: true })));
  });

  it("writes the same file whatever order the files were listed in", () => {
    const forward = renderHeadersFile(headerRules(files, { pathPrefix: "/", https: true }));
    expect(
      renderHeadersFile(headerRules([...files].reverse(), { pathPrefix: "/", https: true })),
    ).toBe(forward);
  });

  it("lets no page run WebAssembly, the search page included", () => {
    const rules = parseHeadersFile(
      renderHeadersFile(headerRules(files, { pathPrefix: "/", https: true })),
    );
    for (const path of ["/search/", "/search/index.json", "/world/"])
      expect(headersFor(rules, path).get("content-security-policy")?.value).toMatch(
        /script-src 'self';/,
      );
    expect(renderHeadersFile(headerRules(files, { pathPrefix: "/", https: true }))).not.toContain(
      "wasm",
    );
  });

  it("caches the index's chunks, named by their content, forever, and its fixed names briefly", () => {
    const rules = parseHeadersFile(
      renderHeadersFile(headerRules(files, { pathPrefix: "/", https: true })),
    );
    const cache = (path: string) => headersFor(rules, path).get("cache-control")?.value;
    expect(cache("/assets/search-index/chunk.0123456789.json")).toBe(LONG_CACHE);
    for (const path of ["/search/index.json", "/search/docs/1001.json", "/search/sw.js"])
      expect(cache(path), path).toBe(SHORT_CACHE);
  });
});

describe("matchesPath (the test's model of the hosts' matching)", () => {
  it.each([
    ["/*", "/news/1/", true],
    ["/assets/*", "/assets/site.css", true],
    ["/assets/*", "/assetsx/site.css", false],
    ["/:a/feed.xml", "/world/feed.xml", true],
    ["/:a/feed.xml", "/tags/x/feed.xml", false],
    ["/", "/index.html", false],
  ])("%s against %s is %s", (pattern, path, expected) => {
    expect(matchesPath(pattern, path)).toBe(expected);
  });
});
