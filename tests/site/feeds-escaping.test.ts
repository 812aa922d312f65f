/**
 * The escaping fixture (tests/fixtures/escaping/2001.md: <, &, quotes, </title>, ]]> and -- in the
 * title, lead and tag) through all three formats: the reader gets the exact text back.
 */
import { load } from "cheerio";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { routes } from "../../src/routes.ts";
import { readOutput } from "../support/site.ts";
import { parseXmlStrict } from "../support/xml.ts";

const siteDir = inject("escapingSiteDir");
const front = parseSource(readFileSync("tests/fixtures/escaping/2001.md", "utf8")).data as {
  title: string;
  lead: string;
  section: string;
  tags: string[];
};
const ATOM = "http://www.w3.org/2005/Atom";
const htmlText = (html: string) => load(html, null, false).text();
const site = routes.home();

describe("hostile text in every feed format", () => {
  it("the fixture really is hostile", () => {
    expect(front.title).toMatch(/<\/title>/);
    expect(front.lead).toMatch(/]]>/);
    expect(front.lead).toMatch(/--/);
  });

  it("RSS: plain-text title exactly, the lead through the description's HTML, the tag exactly", () => {
    const xml = readOutput(siteDir, routes.feed(site, "rss"));
    expect(xml).not.toContain("<![CDATA[");
    const item = parseXmlStrict(xml).getElementsByTagName("item")[0]!;
    expect(item.getElementsByTagName("title")[0]!.textContent).toBe(front.title);
    expect(htmlText(item.getElementsByTagName("description")[0]!.textContent!)).toBe(front.lead);
    expect(
      Array.from(item.getElementsByTagName("category")).map((node) => node.textContent),
    ).toEqual([front.section, ...front.tags]);
  });

  it("Atom: markup-like text is declared type=html and decodes to the exact text", () => {
    const document = parseXmlStrict(readOutput(siteDir, routes.feed(site, "atom")));
    const entry = document.getElementsByTagNameNS(ATOM, "entry")[0]!;
    const title = entry.getElementsByTagNameNS(ATOM, "title")[0]!;
    const summary = entry.getElementsByTagNameNS(ATOM, "summary")[0]!;
    expect(title.getAttribute("type")).toBe("html");
    expect(htmlText(title.textContent!)).toBe(front.title);
    expect(summary.getAttribute("type")).toBe("html");
    expect(htmlText(summary.textContent!)).toBe(front.lead);
    const content = load(
      entry.getElementsByTagNameNS(ATOM, "content")[0]!.textContent!,
      null,
      false,
    );
    expect(content("script, b").length).toBe(0);
    expect(content("strong").first().text()).toBe(front.lead);
  });

  it("JSON Feed: the title and summary are the plain text itself, never HTML-escaped", () => {
    const json = JSON.parse(readOutput(siteDir, routes.feed(site, "json"))) as {
      items: { title: string; summary: string; tags: string[]; content_html: string }[];
    };
    expect(json.items[0]!.title).toBe(front.title);
    expect(json.items[0]!.summary).toBe(front.lead);
    expect(json.items[0]!.tags).toEqual([front.section, ...front.tags]);
    expect(load(json.items[0]!.content_html, null, false)("script, b").length).toBe(0);
  });
});
