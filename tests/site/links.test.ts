import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { site } from "../../src/site.ts";
import { pathPrefix } from "../../src/urls.ts";
import { checkLinks, formatBrokenLinks, type LinkReport } from "../support/link-checker.ts";
import { buildInChildOrFail } from "../support/run-build.ts";

const builds = [
  ["the real content", inject("siteDir")],
  ["the escaping fixture", inject("escapingSiteDir")],
  ["the newsroom fixture", inject("newsroomSiteDir")],
] as const;

describe.each(builds)("every internal link of the build of %s", (_, siteDir) => {
  let report: LinkReport;
  beforeAll(() => {
    report = checkLinks({ siteDir, siteUrl: site.url, pathPrefix });
  });

  it("resolves to a file of the build", () => {
    expect(formatBrokenLinks(report.broken)).toBe("");
  });

  it("was really checked (pages, feeds, stylesheet: several links per file)", () => {
    expect(report.files).toBeGreaterThan(10);
    expect(report.checked).toBeGreaterThan(report.files * 3);
  });
});

describe("a build served from a sub-path (PATH_PREFIX=/news-site/)", () => {
  const prefix = "/news-site/";
  const origin = "https://sarkhat.example";
  let dir: string;
  let report: LinkReport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-links-"));
    await buildInChildOrFail({
      outputDir: path.join(dir, "site"),
      articlesDir: "tests/fixtures/newsroom",
      env: { PATH_PREFIX: prefix, SITE_URL: origin },
    });
    report = checkLinks({ siteDir: path.join(dir, "site"), siteUrl: origin, pathPrefix: prefix });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has no link that is broken or escapes the prefix", () => {
    expect(formatBrokenLinks(report.broken)).toBe("");
    expect(report.checked).toBeGreaterThan(report.files * 3);
  });
});

describe("the link checker itself", () => {
  // A small site with one broken link of each kind, served from /news-site/, beside good links
  // of the same kinds that must not be reported.
  const origin = "https://sarkhat.example";
  const prefix = "/news-site/";
  let dir: string;
  let report: LinkReport;

  const tag = "گروه";
  const encodedTag = encodeURIComponent(tag);
  const files: Record<string, string> = {
    "index.html": `<!doctype html><html><head>
<link rel="canonical" href="${origin}${prefix}">
<link rel="stylesheet" href="${prefix}assets/site.css">
<link rel="alternate" href="${origin}${prefix}missing-feed.xml">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","url":"${origin}${prefix}","@id":"${origin}${prefix}#website","publisher":{"logo":{"url":"${origin}${prefix}logo.png"}}}</script>
</head><body><main id="main">
<a href="#main">ok: anchor</a>
<a href="${prefix}news/1/">ok: article</a>
<a href="${prefix}news/1/#top">ok: anchor in article</a>
<a href="${prefix}tags/${encodedTag}/">ok: encoded Persian</a>
<a href="https://example.org/">external</a>
<a href="mailto:news@sarkhat.example">mail</a>
<a href="${prefix}news/2/">broken: no page</a>
<a href="/news/1/">broken: outside prefix</a>
<a href="${prefix}news/1">broken: folder</a>
<a href="${prefix}news/1/#nowhere">broken: anchor</a>
<a href="${prefix}tags/${tag}/">broken: raw Persian</a>
<a href="${prefix}tags/%E0%A4%A/">broken: bad escape</a>
<a href="javascript:alert(1)">broken: unsafe</a>
<img src="${prefix}assets/a.png" srcset="${prefix}assets/a.png 1x, ${prefix}assets/b.png 2x" alt="">
<img src="../news-site/assets/missing.png" alt="">
</main></body></html>`,
    "news/1/index.html": `<!doctype html><html><body><h1 id="top">خبر</h1><meta http-equiv="refresh" content="0; url=${prefix}gone/"></body></html>`,
    [`tags/${tag}/index.html`]: "<!doctype html><html><body>برچسب</body></html>",
    "assets/a.png": "png",
    "assets/site.css": "@font-face{src:url(fonts/missing.woff2)}body{background:url('a.png')}",
    "feed.xml": `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="${prefix}feed.xsl"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<link>${origin}${prefix}</link><atom:link href="${origin}${prefix}feed.xml" rel="self"/>
<item><link>${origin}${prefix}news/3/</link><guid isPermaLink="false">urn:uuid:1</guid>
<content:encoded>&lt;a href="${origin}${prefix}news/4/"&gt;x&lt;/a&gt;</content:encoded></item>
</channel></rss>`,
    "atom.xml": `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><link href="${origin}${prefix}"/><entry><link href="${origin}${prefix}news/5/"/></entry></feed>`,
    "feed.json": JSON.stringify({
      home_page_url: `${origin}${prefix}`,
      items: [
        {
          id: "urn:uuid:1",
          url: `${origin}${prefix}news/6/`,
          content_html: `<img src="${origin}${prefix}news/7.png">`,
        },
      ],
    }),
    "sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}${prefix}news/1/</loc></url><url><loc>${origin}${prefix}news/8/</loc></url></urlset>`,
    "robots.txt": `User-agent: *\nSitemap: ${origin}${prefix}sitemap.xml\n`,
    _redirects: `${prefix}n/1/ ${prefix}news/1/ 301\n${prefix}n/9/ ${prefix}news/9/ 301\n`,
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-linkcheck-"));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    report = checkLinks({ siteDir: dir, siteUrl: origin, pathPrefix: prefix });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists every broken link with the file it is in, and nothing else", () => {
    expect(formatBrokenLinks(report.broken).split("\n").sort()).toEqual(
      [
        `_redirects: ${prefix}news/9/ — no such file in the build`,
        "assets/site.css: fonts/missing.woff2 — no such file in the build",
        `atom.xml: ${origin}${prefix}news/5/ — no such file in the build`,
        `feed.json: ${origin}${prefix}news/6/ — no such file in the build`,
        `feed.json: ${origin}${prefix}news/7.png — no such file in the build`,
        `feed.xml: ${prefix}feed.xsl — no such file in the build`,
        `feed.xml: ${origin}${prefix}news/3/ — no such file in the build`,
        `feed.xml: ${origin}${prefix}news/4/ — no such file in the build`,
        `index.html: ${prefix}news/2/ — no such file in the build`,
        "index.html: /news/1/ — outside the path prefix /news-site/",
        `index.html: ${prefix}news/1 — a folder: link to it with a trailing slash`,
        `index.html: ${prefix}news/1/#nowhere — no element with id "nowhere" in news/1/index.html`,
        `index.html: ${prefix}tags/${tag}/ — not percent-encoded`,
        `index.html: ${prefix}tags/%E0%A4%A/ — malformed percent-encoding`,
        "index.html: javascript:alert(1) — an unsafe URL scheme",
        `index.html: ${prefix}assets/b.png — no such file in the build`,
        "index.html: ../news-site/assets/missing.png — no such file in the build",
        `index.html: ${origin}${prefix}missing-feed.xml — no such file in the build`,
        `index.html: ${origin}${prefix}logo.png — no such file in the build`,
        `news/1/index.html: ${prefix}gone/ — no such file in the build`,
        `sitemap.xml: ${origin}${prefix}news/8/ — no such file in the build`,
      ].sort(),
    );
  });
});
