import { readFileSync, existsSync } from "node:fs";
import type { CheerioAPI } from "cheerio";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { loadPage, outputFile, readOutput } from "../support/site.ts";
import { parseXmlStrict } from "../support/xml.ts";

const siteDir = inject("newsroomSiteDir");

// The schema.org properties each type we emit may carry (from schema.org's type pages): a typo
// or a property of the wrong type fails here instead of silently costing rich results.
const THING = [
  "@context",
  "@type",
  "@id",
  "name",
  "alternateName",
  "description",
  "url",
  "identifier",
  "image",
];
const CREATIVE_WORK = [
  ...THING,
  "headline",
  "datePublished",
  "dateModified",
  "author",
  "publisher",
  "inLanguage",
  "mainEntityOfPage",
  "keywords",
];
const PROPERTIES: Record<string, string[]> = {
  NewsArticle: [...CREATIVE_WORK, "articleSection"],
  NewsMediaOrganization: [...THING, "logo"],
  Person: THING,
  ImageObject: [...THING, "width", "height"],
  WebPage: THING,
  WebSite: [...CREATIVE_WORK],
  BreadcrumbList: [...THING, "itemListElement"],
  ListItem: [...THING, "position", "item"],
};

function checkTypes(node: unknown, where: string): void {
  if (Array.isArray(node)) return node.forEach((item, i) => checkTypes(item, `${where}[${i}]`));
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if ("@graph" in record) return checkTypes(record["@graph"], `${where}.@graph`);
  const type = record["@type"];
  if (typeof type === "string") {
    const allowed = PROPERTIES[type];
    expect(allowed, `${where}: @type ${type} is one we know`).toBeDefined();
    for (const key of Object.keys(record))
      expect(allowed, `${where}: ${type}.${key}`).toContain(key);
  }
  for (const [key, value] of Object.entries(record)) checkTypes(value, `${where}.${key}`);
}

function jsonLd($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .map((_, el) => JSON.parse($(el).text()) as unknown)
    .get() as Record<string, unknown>[];
}

describe("article metadata", () => {
  const $ = loadPage(siteDir, routes.article(3032));
  const front = parseSource(readFileSync("tests/fixtures/newsroom/3032.md", "utf8")).data as Record<
    string,
    unknown
  >;
  const og = (property: string) =>
    $(`meta[property="${property}"]`)
      .map((_, el) => $(el).attr("content"))
      .get();

  it("has Open Graph and Twitter card tags with ASCII-digit ISO dates", () => {
    expect(og("og:locale")).toEqual([site.ogLocale]);
    expect(og("og:type")).toEqual(["article"]);
    expect(og("og:title")).toEqual([front.title]);
    expect(og("og:url")).toEqual([absoluteUrl(routes.article(3032))]);
    expect(og("article:published_time")).toEqual(["2023-06-10T10:00:00+03:30"]);
    expect(og("article:modified_time")).toEqual(["2023-06-11T08:30:00+03:30"]);
    expect(og("article:section")).toEqual([front.section]);
    expect(og("article:tag")).toEqual(front.tags);
    expect($('meta[name="twitter:card"]').attr("content")).toBe("summary");
  });

  it("describes a NewsArticle in JSON-LD with the schema.org properties", () => {
    const [article, breadcrumbs] = jsonLd($);
    checkTypes([article, breadcrumbs], "article page");
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: front.title,
      description: front.lead,
      datePublished: "2023-06-10T10:00:00+03:30",
      dateModified: "2023-06-11T08:30:00+03:30",
      inLanguage: site.lang,
      articleSection: front.section,
      keywords: front.tags,
      mainEntityOfPage: { "@type": "WebPage", "@id": absoluteUrl(routes.article(3032)) },
      publisher: { "@type": "NewsMediaOrganization", name: site.name },
    });
    expect(breadcrumbs).toMatchObject({ "@type": "BreadcrumbList" });
    const items = (breadcrumbs as { itemListElement: { position: number; item: string }[] })
      .itemListElement;
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(items.at(-1)?.item).toBe(absoluteUrl(routes.article(3032)));
  });

  it("points the publisher logo at an image that exists", () => {
    const [article] = jsonLd($) as [{ publisher: { logo: { url: string } } }];
    const logo = new URL(article.publisher.logo.url).pathname;
    expect(existsSync(outputFile(siteDir, logo))).toBe(true);
  });
});

describe("home page metadata", () => {
  it("describes the WebSite and the NewsMediaOrganization", () => {
    const $ = loadPage(siteDir, routes.home());
    const blocks = jsonLd($);
    checkTypes(blocks, "home");
    const graph = (blocks[0] as { "@graph": { "@type": string }[] })["@graph"];
    expect(graph.map((node) => node["@type"])).toEqual(["WebSite", "NewsMediaOrganization"]);
  });
});

describe("JSON-LD with hostile text", () => {
  it("keeps a </script> in a title inside the JSON, which still parses to the exact title", () => {
    const $ = loadPage(inject("escapingSiteDir"), routes.article(2001));
    const title = (
      parseSource(readFileSync("tests/fixtures/escaping/2001.md", "utf8")).data as { title: string }
    ).title;
    expect(title).toContain("</script>");
    expect($("script").length).toBe(2);
    expect(jsonLd($)[0]).toMatchObject({ headline: title });
  });
});

describe("sitemap, robots and manifest", () => {
  const sitemap = parseXmlStrict(readOutput(siteDir, "/sitemap.xml"));
  const urls = Array.from(sitemap.getElementsByTagName("url"));
  const locs = urls.map((url) => url.getElementsByTagName("loc")[0]?.textContent ?? "");

  it("lists every article with its lastmod in the sitemap, with absolute URLs", () => {
    expect(locs.every((loc) => loc.startsWith(`${site.url}/`))).toBe(true);
    const article = urls.find(
      (url) =>
        url.getElementsByTagName("loc")[0]?.textContent === absoluteUrl(routes.article(3032)),
    );
    expect(article?.getElementsByTagName("lastmod")[0]?.textContent).toBe(
      "2023-06-11T08:30:00+03:30",
    );
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("points robots.txt at the sitemap", () => {
    expect(readOutput(siteDir, "/robots.txt")).toContain(`Sitemap: ${absoluteUrl("/sitemap.xml")}`);
  });

  it("has a web app manifest whose icons exist", () => {
    const manifest = JSON.parse(readOutput(siteDir, "/manifest.webmanifest")) as {
      lang: string;
      dir: string;
      icons: { src: string }[];
    };
    expect(manifest).toMatchObject({ lang: site.lang, dir: site.dir });
    for (const icon of manifest.icons) expect(existsSync(outputFile(siteDir, icon.src))).toBe(true);
  });
});
