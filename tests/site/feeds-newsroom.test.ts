/**
 * Every feed of the 35-article newsroom fixture (tests/fixtures/newsroom/), in all three formats,
 * read with real parsers and checked field by field against the articles' front matter and
 * src/site.ts; the pages that advertise them; the subscribe page; the preview stylesheet.
 */
import { load } from "cheerio";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { buildNewsroom } from "../../src/content/newsroom.ts";
import { FEED_FORMATS, feedSources, feedTitle, type FeedSource } from "../../src/feeds/catalog.ts";
import { startsRightToLeft } from "../../src/feeds/direction.ts";
import { articleFeedId, feedId } from "../../src/feeds/identity.ts";
import { FEED_PREVIEW_PATH } from "../../src/feeds/preview.ts";
import { FEED_TYPES, routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { parseZonedDateTime } from "../../src/time.ts";
import { slugifyTopic } from "../../src/topics.ts";
import { absoluteUrl, sitePath } from "../../src/urls.ts";
import { jsonFeedProblems } from "../support/json-feed.ts";
import { loadPage, outputFile, readOutput } from "../support/site.ts";
import type { Element } from "@xmldom/xmldom";
import { parseXmlStrict } from "../support/xml.ts";

const siteDir = inject("newsroomSiteDir");
const FIXTURES = "tests/fixtures/newsroom";
const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DCTERMS = "http://purl.org/dc/terms/";
const DC = "http://purl.org/dc/elements/1.1/";

interface Front {
  code: number;
  title: string;
  lead: string;
  date: string;
  modified?: string;
  section: string;
  tags?: string[];
  author?: string;
  draft?: boolean;
}

const fronts = new Map<number, Front & { body: string }>();
for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith(".md"))) {
  const parsed = parseSource(readFileSync(path.join(FIXTURES, file), "utf8"));
  const front = parsed.data as Front;
  fronts.set(front.code, { ...front, body: parsed.body });
}

// Which feeds exist comes from the same catalog as the site; what is in them is checked against
// the front matter below.
const newsroom = buildNewsroom(
  loadArticles({ dir: path.resolve(FIXTURES), root: process.cwd(), now: new Date() }),
  site.sections,
  site.timeZone,
);
const sources = feedSources(newsroom);

const instant = (wall: string) => parseZonedDateTime(wall, site.timeZone)!.date.getTime();
const published = [...fronts.values()].filter(
  (front) => !front.draft && instant(front.date) <= Date.now(),
);
const newestFirst = (a: Front, b: Front) => instant(b.date) - instant(a.date) || b.code - a.code;

/** The tags an article shows: one per topic, the first spelling written. */
function tagsOf(front: Front): string[] {
  const seen = new Set<string>();
  return (front.tags ?? [])
    .map((tag) => tag.trim())
    .filter((tag) => !seen.has(slugifyTopic(tag)) && seen.add(slugifyTopic(tag)));
}

/** The codes a feed must carry, from the front matter alone. */
function expectedCodes(source: FeedSource): number[] {
  const members = published.filter((front) => {
    if (source.kind === "site") return true;
    if (source.kind === "section") return front.section === source.name;
    return tagsOf(front).some((tag) => slugifyTopic(tag) === slugifyTopic(source.name));
  });
  return members
    .sort(newestFirst)
    .slice(0, site.feedSize)
    .map((front) => front.code);
}

/** A front-matter wall clock ("2021-06-04T11:00" or "2021-06-04") as feeds write it, seconds included. */
function wallClock(value: string): { day: string; time: string } {
  const [day, time] = value.split("T");
  return { day: day!, time: time ? `${time}:00`.slice(0, 8) : "00:00:00" };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RSS dates: the Tehran wall clock written in RFC 822, naming the same instant. */
function expectRfc822(actual: string | undefined, wall: string): void {
  const { day, time } = wallClock(wall);
  const [y, m, d] = day.split("-");
  expect(actual).toMatch(
    new RegExp(
      `^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ${d} ${MONTHS[Number(m) - 1]} ${y} ${time} \\+0[34]30$`,
    ),
  );
  expect(Date.parse(actual!)).toBe(instant(wall));
  const weekday = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).toUTCString().slice(0, 3);
  expect(actual!.slice(0, 3)).toBe(weekday);
}

/** Atom and JSON Feed dates: the Tehran wall clock in RFC 3339 with its offset. */
function expectRfc3339(actual: string | undefined, wall: string): void {
  const { day, time } = wallClock(wall);
  expect(actual).toMatch(new RegExp(`^${day}T${time}\\+0[34]:30$`));
  expect(Date.parse(actual!)).toBe(instant(wall));
}

const htmlText = (html: string) => load(html, null, false).text();
const children = (parent: Element, name: string) =>
  Array.from(parent.childNodes).filter((node): node is Element => node.nodeName === name);
const atomChildren = (parent: Element, name: string) =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.namespaceURI === ATOM && node.localName === name,
  );
const atomText = (element: Element | undefined) =>
  element?.getAttribute("type") === "html" ? htmlText(element.textContent!) : element?.textContent;

function expectContent(contentHtml: string, front: Front & { body: string }): void {
  const $ = load(contentHtml, null, false);
  const wrapper = $("div").first();
  expect(wrapper.attr("dir")).toBe("rtl");
  expect(wrapper.attr("lang")).toBe(site.lang);
  expect(wrapper.find("p").first().text()).toBe(front.lead);
  const paragraphs = front.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  expect(
    wrapper
      .find("p")
      .slice(1)
      .map((_, p) => $(p).text())
      .get(),
  ).toEqual(paragraphs);
  expect(startsRightToLeft($.root().text())).toBe(true);
}

describe("the newsroom fixture's feeds", () => {
  it("has a feed per section and per tag, besides the site's, and the fixture exercises them", () => {
    expect(sources.filter((source) => source.kind === "section")).toHaveLength(
      site.sections.length,
    );
    expect(sources.filter((source) => source.kind === "topic").length).toBeGreaterThan(3);
    expect(published.length).toBeGreaterThan(site.feedSize);
    expect(published.some((front) => front.modified)).toBe(true);
  });

  it("writes exactly the catalog's feeds, three formats each, and no other", () => {
    const found = (readdirSync(siteDir, { recursive: true, encoding: "utf8" }) as string[])
      .filter((file) => /(?:^|\/)(?:feed\.xml|atom\.xml|feed\.json)$/.test(file))
      .map((file) => `/${file}`)
      .sort();
    const expected = sources
      .flatMap((source) => FEED_FORMATS.map((format) => routes.feed(source.pagePath, format)))
      .sort();
    expect(found).toEqual(expected);
  });
});

describe.each(sources.map((source) => [`${source.kind} ${source.pagePath}`, source] as const))(
  "feeds of %s",
  (_label, source) => {
    const codes = expectedCodes(source);
    const title = source.kind === "site" ? site.name : feedTitle(source.name);
    const rssXml = readOutput(siteDir, routes.feed(source.pagePath, "rss"));
    const atomXml = readOutput(siteDir, routes.feed(source.pagePath, "atom"));
    const jsonText = readOutput(siteDir, routes.feed(source.pagePath, "json"));

    it("RSS 2.0: well-formed, channel from the site metadata, items field by field", () => {
      const document = parseXmlStrict(rssXml);
      const feed = parseRssFeed(rssXml);
      expect(rssXml).toContain(
        `<?xml-stylesheet type="text/xsl" href="${sitePath(FEED_PREVIEW_PATH)}"?>`,
      );
      expect(feed.title).toBe(title);
      expect(feed.description).toBe(source.description);
      expect(feed.link).toBe(absoluteUrl(source.pagePath));
      expect(feed.language).toBe(site.lang);
      expect(feed.atom?.links).toEqual([
        {
          href: absoluteUrl(routes.feed(source.pagePath, "rss")),
          rel: "self",
          type: FEED_TYPES.rss,
        },
      ]);
      const items = Array.from(document.getElementsByTagName("item"));
      expect(items.map((item) => children(item, "guid")[0]!.textContent)).toEqual(
        codes.map(articleFeedId),
      );
      const updates: number[] = [];
      items.forEach((item, index) => {
        const front = fronts.get(codes[index]!)!;
        expect(children(item, "title")[0]!.textContent).toBe(front.title);
        expect(children(item, "link")[0]!.textContent).toBe(
          absoluteUrl(routes.article(front.code)),
        );
        expect(children(item, "guid")[0]!.getAttribute("isPermaLink")).toBe("false");
        expectRfc822(children(item, "pubDate")[0]!.textContent!, front.date);
        const modified = item.getElementsByTagNameNS(DCTERMS, "modified");
        if (front.modified) expectRfc3339(modified[0]!.textContent!, front.modified);
        else expect(modified.length).toBe(0);
        updates.push(instant(front.modified ?? front.date));
        expect(item.getElementsByTagNameNS(DC, "creator")[0]?.textContent).toBe(front.author);
        expect(children(item, "category").map((node) => node.textContent)).toEqual([
          front.section,
          ...tagsOf(front),
        ]);
        expect(htmlText(children(item, "description")[0]!.textContent!)).toBe(front.lead);
        expectContent(item.getElementsByTagNameNS(CONTENT, "encoded")[0]!.textContent!, front);
      });
      const lastBuild = children(document.getElementsByTagName("channel")[0]!, "lastBuildDate")[0]!
        .textContent!;
      if (codes.length) expect(Date.parse(lastBuild)).toBe(Math.max(...updates));
      expect(feed.items?.length ?? 0).toBe(codes.length);
    });

    it("Atom 1.0: well-formed, xml:lang fa-IR, metadata before entries, entries field by field", () => {
      const document = parseXmlStrict(atomXml);
      const feed = parseAtomFeed(atomXml);
      const root = document.documentElement!;
      expect(root.namespaceURI).toBe(ATOM);
      expect(root.getAttribute("xml:lang")).toBe(site.lang);
      expect(atomXml).toContain(
        `<?xml-stylesheet type="text/xsl" href="${sitePath(FEED_PREVIEW_PATH)}"?>`,
      );
      expect(feed.id).toBe(feedId(source.pagePath));
      expect(atomText(atomChildren(root, "title")[0])).toBe(title);
      expect(atomText(atomChildren(root, "subtitle")[0])).toBe(source.description);
      expect(feed.links).toEqual([
        {
          href: absoluteUrl(routes.feed(source.pagePath, "atom")),
          rel: "self",
          type: FEED_TYPES.atom,
        },
        { href: absoluteUrl(source.pagePath), rel: "alternate", type: "text/html" },
      ]);
      expect(feed.authors?.[0]?.name).toBe(site.name);
      const elementNames = Array.from(root.childNodes)
        .filter((node) => node.nodeType === 1)
        .map((node) => (node as Element).localName);
      const firstEntry = elementNames.indexOf("entry");
      if (firstEntry >= 0)
        expect(elementNames.slice(firstEntry).every((name) => name === "entry")).toBe(true);
      const entries = atomChildren(root, "entry");
      expect(entries.map((entry) => atomChildren(entry, "id")[0]!.textContent)).toEqual(
        codes.map(articleFeedId),
      );
      const updated = entries.map((entry) => atomChildren(entry, "updated")[0]!.textContent!);
      expect(new Set(updated).size).toBe(updated.length);
      entries.forEach((entry, index) => {
        const front = fronts.get(codes[index]!)!;
        expect(atomText(atomChildren(entry, "title")[0])).toBe(front.title);
        expect(
          atomChildren(entry, "link").map((link) => [
            link.getAttribute("rel"),
            link.getAttribute("type"),
            link.getAttribute("href"),
          ]),
        ).toEqual([["alternate", "text/html", absoluteUrl(routes.article(front.code))]]);
        expectRfc3339(atomChildren(entry, "published")[0]!.textContent!, front.date);
        expectRfc3339(updated[index], front.modified ?? front.date);
        expect(atomChildren(entry, "author")[0]?.textContent).toBe(front.author);
        expect(atomChildren(entry, "category").map((node) => node.getAttribute("term"))).toEqual([
          front.section,
          ...tagsOf(front),
        ]);
        expect(atomText(atomChildren(entry, "summary")[0])).toBe(front.lead);
        const content = atomChildren(entry, "content")[0]!;
        expect(content.getAttribute("type")).toBe("html");
        expectContent(content.textContent!, front);
      });
      if (codes.length)
        expect(Date.parse(atomChildren(root, "updated")[0]!.textContent!)).toBe(
          Math.max(...updated.map(Date.parse)),
        );
    });

    it("JSON Feed 1.1: valid, plain-text titles, HTML content, items field by field", () => {
      const json = JSON.parse(jsonText) as Record<string, unknown> & {
        items: Record<string, unknown>[];
      };
      expect(jsonFeedProblems(json)).toEqual([]);
      expect(parseJsonFeed(json).items?.length ?? 0).toBe(codes.length);
      expect(json).toMatchObject({
        version: "https://jsonfeed.org/version/1.1",
        title,
        description: source.description,
        home_page_url: absoluteUrl(source.pagePath),
        feed_url: absoluteUrl(routes.feed(source.pagePath, "json")),
        language: site.lang,
      });
      expect(json.items.map((item) => item.id)).toEqual(codes.map(articleFeedId));
      json.items.forEach((item, index) => {
        const front = fronts.get(codes[index]!)!;
        expect(item.title).toBe(front.title);
        expect(item.url).toBe(absoluteUrl(routes.article(front.code)));
        expect(item.summary).toBe(front.lead);
        expectRfc3339(item.date_published as string, front.date);
        if (front.modified) expectRfc3339(item.date_modified as string, front.modified);
        else expect(item.date_modified).toBeUndefined();
        expect(item.tags).toEqual([front.section, ...tagsOf(front)]);
        expect(item.authors).toEqual(front.author ? [{ name: front.author }] : undefined);
        expectContent(item.content_html as string, front);
      });
    });

    it("says the same in all three formats", () => {
      const rss = parseXmlStrict(rssXml);
      const atom = parseXmlStrict(atomXml);
      const json = JSON.parse(jsonText) as { items: { content_html: string }[] };
      const rssContent = Array.from(rss.getElementsByTagNameNS(CONTENT, "encoded")).map(
        (node) => node.textContent,
      );
      const atomContent = atomChildren(atom.documentElement!, "entry").map(
        (entry) => atomChildren(entry, "content")[0]!.textContent,
      );
      expect(rssContent).toEqual(json.items.map((item) => item.content_html));
      expect(atomContent).toEqual(json.items.map((item) => item.content_html));
    });
  },
);

describe("pages advertise the feeds", () => {
  const expectAlternates = ($: ReturnType<typeof load>, pagePath: string, title: string) => {
    for (const format of FEED_FORMATS) {
      const link = $(
        `head link[rel="alternate"][href="${absoluteUrl(routes.feed(pagePath, format))}"]`,
      );
      expect(link.length, `${format} feed of ${pagePath}`).toBe(1);
      expect(link.attr("type")).toBe(FEED_TYPES[format]);
      expect(link.attr("title")?.startsWith(title)).toBe(true);
    }
  };
  const world = site.sections.find((section) => section.slug === "world")!;
  const topic = newsroom.topics[0]!.topic;

  it.each([
    ["the home page", routes.home()],
    ["an article", routes.article(published[0]!.code)],
    ["a section", routes.section(world)],
    ["a tag", routes.topic(topic)],
    ["the subscribe page", routes.subscribe()],
  ])("%s advertises the site's three feeds in its head, with absolute URLs", (_name, pagePath) => {
    expectAlternates(loadPage(siteDir, pagePath), routes.home(), site.name);
  });

  it("a section page also advertises its own three feeds", () => {
    expectAlternates(
      loadPage(siteDir, routes.section(world)),
      routes.section(world),
      feedTitle(world.name),
    );
  });

  it("a tag page also advertises its own three feeds", () => {
    expectAlternates(
      loadPage(siteDir, routes.topic(topic)),
      routes.topic(topic),
      feedTitle(topic.name),
    );
  });

  it("every page's header has a visible «اشتراک» link to the subscribe page", () => {
    const $ = loadPage(siteDir, routes.article(published[0]!.code));
    expect($(`header a[href="${sitePath(routes.subscribe())}"]`).text()).toBe("اشتراک");
    expect($(`footer a[href="${sitePath(routes.subscribe())}"]`).length).toBe(1);
  });
});

describe("the subscribe page", () => {
  const $ = loadPage(siteDir, routes.subscribe());

  it("lists every feed, each format's URL in a labelled read-only field", () => {
    for (const source of sources) {
      for (const format of FEED_FORMATS) {
        const url = absoluteUrl(routes.feed(source.pagePath, format));
        const input = $(`input[value="${url}"]`);
        expect(input.length, url).toBe(1);
        expect(input.attr("readonly")).toBeDefined();
        expect(input.attr("dir")).toBe("ltr");
        expect($(`label[for="${input.attr("id")}"]`).length).toBe(1);
      }
      expect($(`h3 a[href="${sitePath(source.pagePath)}"]`).text()).toBe(source.name);
    }
  });

  it("explains in Persian what a feed is and how to subscribe, with no script", () => {
    expect($("h1").text()).toBe("اشتراک با خبرخوان");
    expect($("#what-is-a-feed").text()).toContain("خوراک");
    expect($(".feed-howto ol li").length).toBeGreaterThanOrEqual(3);
    expect($("script").length).toBe(0);
    expect($("[style]").length).toBe(0);
  });

  it("links a feeds stylesheet that exists in the output", () => {
    const stylesheets = $('link[rel="stylesheet"]')
      .map((_, link) => $(link).attr("href"))
      .get();
    const feeds = stylesheets.find((href) => /\/assets\/feeds\.[0-9a-f]{10}\.css$/.test(href));
    expect(feeds).toBeDefined();
    expect(readFileSync(outputFile(siteDir, feeds!), "utf8").length).toBeGreaterThan(0);
    // The copy-field rule is shared with the article's short link, so it lives in the site's CSS.
    const css = stylesheets
      .map((href) => readFileSync(outputFile(siteDir, href), "utf8"))
      .join("\n");
    expect(css).toContain(".feed-url");
  });
});

describe("the preview stylesheet", () => {
  const xsl = readOutput(siteDir, FEED_PREVIEW_PATH);
  const document = parseXmlStrict(xsl);

  it("is a well-formed XSLT 1.0 stylesheet with a template for RSS and one for Atom", () => {
    expect(document.documentElement!.localName).toBe("stylesheet");
    expect(document.documentElement!.getAttribute("version")).toBe("1.0");
    const matches = Array.from(
      document.getElementsByTagNameNS("http://www.w3.org/1999/XSL/Transform", "template"),
    ).map((node) => node.getAttribute("match"));
    expect(matches).toEqual(expect.arrayContaining(["/rss", "/atom:feed"]));
  });

  it("writes a right-to-left Persian page that links only stylesheets of this site", () => {
    const pages = Array.from(document.getElementsByTagName("html"));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.getAttribute("lang")).toBe(site.lang);
      expect(page.getAttribute("dir")).toBe("rtl");
    }
    const hrefs = Array.from(document.getElementsByTagName("link")).map((link) =>
      link.getAttribute("href")!,
    );
    // Per page: two stylesheets and the site icon (without it, browsers ask for /favicon.ico: a 404).
    const rels = Array.from(document.getElementsByTagName("link")).map((link) =>
      link.getAttribute("rel"),
    );
    expect(rels.filter((rel) => rel === "stylesheet")).toHaveLength(4);
    expect(rels.filter((rel) => rel === "icon")).toHaveLength(2);
    expect(hrefs.length).toBe(6);
    for (const href of hrefs)
      expect(readFileSync(outputFile(siteDir, href), "utf8").length).toBeGreaterThan(0);
    expect(xsl).not.toMatch(/<script|<style|\sstyle=/);
    expect(
      xsl.match(/https?:\/\/[^"'\s<]+/g)?.filter((url) => !/^http:\/\/www\.w3\.org\//.test(url)) ??
        [],
    ).toEqual([]);
  });
});
