import { parseRssFeed } from "feedsmith";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { articleFeedId } from "../../src/feeds/identity.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { readOutput } from "../support/site.ts";
import { parseXmlStrict } from "../support/xml.ts";

const siteDir = inject("siteDir");
const xml = readOutput(siteDir, "/feed.xml");
const front = parseSource(readFileSync("content/news/1399/1001.md", "utf8")).data as {
  title: string;
  lead: string;
  section: string;
  tags: string[];
};

describe("/feed.xml (RSS 2.0)", () => {
  const document = parseXmlStrict(xml);
  const feed = parseRssFeed(xml);
  const item = feed.items?.[0];

  it("is well-formed XML with every namespace prefix declared", () => {
    const root = document.documentElement!;
    expect(root.nodeName).toBe("rss");
    expect(root.getAttribute("version")).toBe("2.0");
    expect(root.getAttribute("xmlns:content")).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(root.getAttribute("xmlns:atom")).toBe("http://www.w3.org/2005/Atom");
    const encoded = document.getElementsByTagNameNS(
      "http://purl.org/rss/1.0/modules/content/",
      "encoded",
    );
    expect(encoded.length).toBe(1);
  });

  it("describes the channel from the site metadata", () => {
    expect(feed.title).toBe(site.name);
    expect(feed.description).toBe(site.description);
    expect(feed.link).toBe(absoluteUrl("/"));
    expect(feed.language).toBe(site.lang);
    expect(feed.atom?.links?.[0]).toMatchObject({
      href: absoluteUrl("/feed.xml"),
      rel: "self",
      type: "application/rss+xml",
    });
  });

  it("dates the channel by its newest article, not by the clock", () => {
    expect(feed.lastBuildDate).toBe("Thu, 03 Dec 2020 00:00:00 +0330");
  });

  it("carries the article with a stable id, its link and Tehran-time date", () => {
    expect(feed.items).toHaveLength(1);
    expect(item?.title).toBe(front.title);
    expect(item?.link).toBe(absoluteUrl("/news/1001/"));
    expect(item?.guid).toMatchObject({ value: articleFeedId(1001), isPermaLink: false });
    expect(item?.pubDate).toBe("Thu, 03 Dec 2020 00:00:00 +0330");
  });

  it("uses the lead as description and the full article as content:encoded", () => {
    expect(item?.description).toBe(front.lead);
    const content = item?.content?.encoded ?? "";
    expect(content.startsWith('<div dir="rtl" lang="fa-IR">')).toBe(true);
    expect(content).toContain("<p>به گزارش آران نیوز به نقل از خبرگزاری دولتی،");
    expect(content).toContain("افراط‌گرای تندرو مطرح است.</p>");
  });

  it("has a category for the section and one per tag", () => {
    expect(item?.categories?.map((category) => category.name)).toEqual([
      front.section,
      ...front.tags,
    ]);
  });

  it("writes absolute URLs only", () => {
    const links = [...xml.matchAll(/<(?:link|guid)[^>]*>([^<]*)</g)].map((match) => match[1]);
    for (const link of links) expect(link).toMatch(/^(?:https?:\/\/|urn:uuid:)/);
  });
});
