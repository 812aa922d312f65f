import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { formatJalaliDate } from "../../src/persian/jalali.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl, sitePath } from "../../src/urls.ts";
import { loadPage, outputFile } from "../support/site.ts";
import { existsSync } from "node:fs";

const siteDir = inject("siteDir");
const source = parseSource(readFileSync("content/news/1399/1001.md", "utf8"));
const front = source.data as Record<string, unknown>;
const $ = loadPage(siteDir, "/news/1001/");

describe("the article page /news/1001/", () => {
  it("is a right-to-left Persian document", () => {
    expect($("html").attr("lang")).toBe("fa-IR");
    expect($("html").attr("dir")).toBe("rtl");
    expect($('meta[charset="utf-8"]').length).toBe(1);
  });

  it("shows the title, lead and section from front matter", () => {
    expect($("h1").text()).toBe(front.title);
    expect($("title").text()).toBe(`${front.title} | ${site.name}`);
    expect($(".lead").text()).toBe(front.lead);
    const sectionLink = $(".meta a").first();
    expect(sectionLink.text()).toBe(front.section);
    expect(sectionLink.attr("href")).toBe(sitePath("/world/"));
  });

  it("credits the source and whom it quotes", () => {
    expect($(".source").text()).toBe(`منبع: ${front.source} به نقل از ${front.quoting}`);
  });

  it("dates the article in the Jalali calendar inside a machine-readable <time>", () => {
    const time = $(".meta time");
    expect(time.attr("datetime")).toBe("2020-12-03");
    expect(time.text()).toBe("پنج‌شنبه ۱۳ آذر ۱۳۹۹");
    expect(time.text()).toBe(formatJalaliDate(new Date("2020-12-03T00:00:00+03:30")));
    expect($(".gregorian").text()).toBe("۳ دسامبر ۲۰۲۰");
  });

  it("renders every body paragraph of the stored article, in order", () => {
    const paragraphs = source.body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean);
    expect(
      $(".article-body p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(paragraphs);
  });

  it("has an absolute canonical URL and a meta description from the lead", () => {
    expect($('link[rel="canonical"]').attr("href")).toBe(absoluteUrl("/news/1001/"));
    expect($('meta[name="description"]').attr("content")).toBe(front.lead);
  });

  it("advertises the RSS feed in the head and links it visibly", () => {
    const alternate = $('head link[rel="alternate"][type="application/rss+xml"]');
    expect(alternate.attr("href")).toBe(absoluteUrl("/feed.xml"));
    expect($(`body a[href="${sitePath("/feed.xml")}"]`).length).toBeGreaterThan(0);
  });

  it("ships no JavaScript and loads nothing from another host", () => {
    expect($("script:not([type='application/ld+json'])").length, "no executable script").toBe(0);
    const urls = $("[src], link[href]")
      .map((_, el) => $(el).attr("src") ?? $(el).attr("href"))
      .get();
    const foreign = urls.filter(
      (url) => /^(?:https?:)?\/\//.test(url) && !url.startsWith(site.url),
    );
    expect(foreign).toEqual([]);
  });

  it("links a stylesheet and a preloaded font that exist in the output", () => {
    const stylesheet = $('link[rel="stylesheet"]').attr("href")!;
    const font = $('link[rel="preload"][as="font"]').attr("href")!;
    expect(existsSync(outputFile(siteDir, stylesheet))).toBe(true);
    expect(existsSync(outputFile(siteDir, font))).toBe(true);
    const css = readFileSync(outputFile(siteDir, stylesheet), "utf8");
    expect(css).toContain("font-display:swap");
    expect(css).not.toMatch(/\b(?:margin|padding|border)-(?:left|right)\b|\b(?:left|right)\s*:/);
  });

  it("never prints Invalid Date, undefined or NaN", () => {
    expect($.html()).not.toMatch(/Invalid Date|undefined|NaN|\[object Object\]/);
  });
});

describe("the home page", () => {
  const home = loadPage(siteDir, "/");

  it("lists the article with its title, lead, date and link", () => {
    const item = home(".article-list > li").first();
    expect(item.find("h2 a").text()).toBe(front.title);
    expect(item.find("h2 a").attr("href")).toBe(sitePath("/news/1001/"));
    expect(item.find("p:not(.surtitle):not(.list-meta)").text()).toBe(front.lead);
    expect(item.find("time").attr("datetime")).toBe("2020-12-03");
  });

  it("is right-to-left Persian too", () => {
    expect(home("html").attr("dir")).toBe("rtl");
    expect(home("html").attr("lang")).toBe("fa-IR");
  });
});
