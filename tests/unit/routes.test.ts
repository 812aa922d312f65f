import { describe, expect, it } from "vitest";
import { routes, type FeedFormat } from "../../src/routes.ts";
import { site } from "../../src/site.ts";

const section = site.sections[0]!;
const topic = { slug: "انرژی-هسته‌ای" };

describe("routes", () => {
  it.each<[string, () => string, string]>([
    ["the home page", () => routes.home(), "/"],
    ["the home page's second page", () => routes.home(2), "/page/2/"],
    ["an article", () => routes.article(1001), "/news/1001/"],
    ["an article's short link", () => routes.short(1001), "/n/1001/"],
    ["a section", () => routes.section(section), `/${section.slug}/`],
    ["a section's third page", () => routes.section(section, 3), `/${section.slug}/page/3/`],
    ["the topics", () => routes.tags(), "/tags/"],
    ["a topic, its Persian slug unescaped", () => routes.topic(topic), "/tags/انرژی-هسته‌ای/"],
    ["a topic's second page", () => routes.topic(topic, 2), "/tags/انرژی-هسته‌ای/page/2/"],
    ["the archive", () => routes.archive(), "/archive/"],
    ["a year of the archive", () => routes.archiveYear(1402), "/archive/1402/"],
    ["a month, in two digits", () => routes.archiveMonth(1402, 9), "/archive/1402/09/"],
    ["a later month", () => routes.archiveMonth(1399, 12), "/archive/1399/12/"],
    ["the site's RSS feed", () => routes.feed("/"), "/feed.xml"],
    [
      "a section's Atom feed",
      () => routes.feed(`/${section.slug}/`, "atom"),
      `/${section.slug}/atom.xml`,
    ],
    ["a topic's JSON Feed", () => routes.feed("/tags/x/", "json"), "/tags/x/feed.json"],
  ])("gives the path of %s", (_, make, expected) => {
    expect(make(), "the path").toBe(expected);
    // Paths are remembered by key: asked again, the same path (and not, say, the previous key's).
    expect(make(), "the path asked again").toBe(expected);
  });

  it("keeps apart the months and years a shared key could mix up", () => {
    expect(
      [routes.archiveMonth(1402, 1), routes.archiveMonth(1401, 11), routes.archiveMonth(1402, 10)],
      "three months",
    ).toEqual(["/archive/1402/01/", "/archive/1401/11/", "/archive/1402/10/"]);
  });

  it.each<[string, () => string, RegExp]>([
    ["a month of 13", () => routes.archiveMonth(1402, 13), /month .* 1 to 12, got 13/],
    ["a month of 0", () => routes.archiveMonth(1402, 0), /month .* got 0/],
    ["a month of 1.5", () => routes.archiveMonth(1402, 1.5), /month .* got 1\.5/],
    ["a year of 0", () => routes.archiveMonth(0, 1), /year .* got 0/],
    ["a page of 0", () => routes.home(0), /page .* got 0/],
    [
      "an unknown feed format",
      () => routes.feed("/", "xml" as FeedFormat),
      /rss, atom, json, got "xml"/,
    ],
    [
      "a format named like an object's method",
      () => routes.feed("/", "toString" as FeedFormat),
      /got "toString"/,
    ],
  ])("refuses %s, naming the value", (_, make, message) => {
    expect(make).toThrow(message);
  });
});
