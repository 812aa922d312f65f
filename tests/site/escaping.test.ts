import { parseRssFeed } from "feedsmith";
import { load } from "cheerio";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { site } from "../../src/site.ts";
import { loadPage, readOutput } from "../support/site.ts";
import { parseXmlStrict } from "../support/xml.ts";

// A fixture whose title carries <, &, both quotes and a </title>: it must come back as text.
const siteDir = inject("escapingSiteDir");
const front = parseSource(readFileSync("tests/fixtures/escaping/2001.md", "utf8")).data as {
  title: string;
  lead: string;
};

describe("hostile text in the article page", () => {
  const $ = loadPage(siteDir, "/news/2001/");

  it("shows the title exactly, as text, in <title> and <h1>", () => {
    expect(front.title).toMatch(/[<&"']/);
    expect($("title").text()).toBe(`${front.title} | ${site.name}`);
    expect($("h1").text()).toBe(front.title);
  });

  it("creates no element from the title, lead or body", () => {
    expect(
      $("script:not([type='application/ld+json'])").length,
      "no executable script element",
    ).toBe(0);
    expect($("body script").length, "nothing script-like in the body").toBe(0);
    expect($("b").length).toBe(0);
    expect($(".lead").text()).toBe(front.lead);
    expect($('meta[name="description"]').attr("content")).toBe(front.lead);
  });

  it("turns no javascript: or data: URL into a link, and marks external links", () => {
    const hrefs = $(".article-body a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs).toEqual(["https://example.org/x"]);
    expect($(".article-body a").attr("rel")).toBe("noopener noreferrer");
  });
});

describe("hostile text in the feed", () => {
  const xml = readOutput(siteDir, "/feed.xml");

  it("stays well-formed and gives the reader the exact title and lead back", () => {
    parseXmlStrict(xml);
    const item = parseRssFeed(xml).items?.[0];
    expect(item?.title).toBe(front.title);
    // RSS readers treat <description> as HTML: the plain-text lead is escaped once more inside it.
    expect(load(item?.description ?? "", null, false).text()).toBe(front.lead);
  });

  it("keeps raw HTML from the body as text inside content:encoded", () => {
    const content = parseRssFeed(xml).items?.[0]?.content?.encoded ?? "";
    const $ = load(content);
    expect($("b").length).toBe(0);
    expect($("p").last().text()).toContain("<b>HTML خام</b>");
  });
});
