import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";
import { toPersianDigits } from "../../src/persian/digits.ts";
import { routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { sitePath } from "../../src/urls.ts";
import { loadPage, outputFile, readOutput } from "../support/site.ts";

// The fixture newsroom: 35 articles in tests/fixtures/newsroom/ (one draft, one dated 2099).
const siteDir = inject("newsroomSiteDir");
const FIXTURES = "tests/fixtures/newsroom";

interface Fixture {
  code: number;
  title: string;
  section: string;
  date: string;
  tags: string[];
  draft?: boolean;
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".md"))
  .map((file) => parseSource(readFileSync(path.join(FIXTURES, file), "utf8")).data as Fixture);
const published = fixtures.filter((f) => !f.draft && !f.date.startsWith("2099"));
const sectionOf = (name: string) => site.sections.find((section) => section.name === name)!;

function codesOn(sitePathname: string): number[] {
  const $ = loadPage(siteDir, sitePathname);
  return $(".article-list h2 a")
    .map((_, a) => Number(/\/news\/(\d+)\//.exec($(a).attr("href")!)![1]))
    .get();
}

describe("pagination", () => {
  const pages = Math.ceil(published.length / site.pageSize);

  it("splits the home page into pages of site.pageSize, newest first", () => {
    expect(published.length).toBeGreaterThan(site.pageSize);
    const all = Array.from({ length: pages }, (_, i) => codesOn(routes.home(i + 1))).flat();
    const expected = [...published]
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.code - a.code)
      .map((f) => f.code);
    expect(all).toEqual(expected);
    expect(codesOn(routes.home(1))).toHaveLength(site.pageSize);
  });

  it("links pages with rel=prev/next in the head and in the page, numbered in Persian", () => {
    const first = loadPage(siteDir, routes.home(1));
    const second = loadPage(siteDir, routes.home(2));
    expect(first('head link[rel="next"]').attr("href")).toBe(sitePath(routes.home(2)));
    expect(first('head link[rel="prev"]').length).toBe(0);
    expect(second('head link[rel="prev"]').attr("href")).toBe(sitePath(routes.home(1)));
    expect(second(".pagination").text()).toContain(
      `صفحه ${toPersianDigits(2)} از ${toPersianDigits(pages)}`,
    );
    expect(second(".pagination a[rel=prev]").attr("href")).toBe(sitePath(routes.home(1)));
  });

  it("paginates a section with more than one page of articles", () => {
    const world = sectionOf("بین‌الملل");
    const count = published.filter((f) => f.section === world.name).length;
    expect(count).toBeGreaterThan(site.pageSize);
    expect([...codesOn(routes.section(world)), ...codesOn(routes.section(world, 2))]).toHaveLength(
      count,
    );
  });
});

describe("sections", () => {
  it.each(site.sections.map((section) => [section.name, section] as const))(
    "%s lists exactly its published articles",
    (_, section) => {
      const expected = published
        .filter((f) => f.section === section.name)
        .map((f) => f.code)
        .sort();
      const pages = Math.max(1, Math.ceil(expected.length / site.pageSize));
      const shown = Array.from({ length: pages }, (_, i) => codesOn(routes.section(section, i + 1)))
        .flat()
        .sort();
      expect(shown).toEqual(expected);
    },
  );
});

describe("tags", () => {
  const spellings = ["قره‌باغ", "قرهباغ", "قره باغ"];
  const karabakh = published.filter((f) => f.tags?.some((tag) => spellings.includes(tag)));

  it("gives one topic page to a tag written with a ZWNJ, fused, or with a space", () => {
    expect(new Set(karabakh.flatMap((f) => f.tags.filter((t) => spellings.includes(t)))).size).toBe(
      3,
    );
    expect(codesOn(routes.topic({ slug: "قرهباغ" })).sort()).toEqual(
      karabakh.map((f) => f.code).sort(),
    );
  });

  it("gives one topic page to a tag written with Persian or Arabic letters", () => {
    const arabic = published.filter((f) =>
      f.tags?.some((tag) => tag === "کشورهای عربی" || tag === "كشورهاي عربي"),
    );
    expect(codesOn(routes.topic({ slug: "کشورهای-عربی" })).sort()).toEqual(
      arabic.map((f) => f.code).sort(),
    );
    expect(existsSync(outputFile(siteDir, routes.topic({ slug: "كشورهاي-عربي" })))).toBe(false);
  });

  it("links every topic from the tag index, with its count in Persian digits", () => {
    const $ = loadPage(siteDir, routes.tags());
    const link = $(`.index-list a[href="${sitePath(routes.topic({ slug: "قرهباغ" }))}"]`);
    expect(link.length).toBe(1);
    expect(link.parent().find("span").text()).toBe(`${toPersianDigits(karabakh.length)} خبر`);
  });

  it("links each article's tags to their topic pages", () => {
    const $ = loadPage(siteDir, routes.article(3001));
    expect(
      $(".tags a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toContain(sitePath(routes.topic({ slug: "قرهباغ" })));
  });
});

describe("the Jalali archive", () => {
  it("files an article written at 00:10 Tehran time on Nowruz under Farvardin 1400", () => {
    expect(codesOn(routes.archiveMonth(1400, 1))).toContain(3031);
    expect(codesOn(routes.archiveMonth(1399, 12))).not.toContain(3031);
  });

  it("names the month in Persian with Persian digits", () => {
    const $ = loadPage(siteDir, routes.archiveMonth(1400, 1));
    expect($("h1").text()).toBe("بایگانی فروردین ۱۴۰۰");
  });

  it("lists years and months on the archive index, newest first", () => {
    const $ = loadPage(siteDir, routes.archive());
    const years = $("section h2 a")
      .map((_, a) => $(a).text())
      .get();
    // The fixtures are dated in 1399, 1400 and 1402 (none in 1401: an empty year has no page).
    expect(years).toEqual(["۱۴۰۲", "۱۴۰۰", "۱۳۹۹"]);
    expect($(`a[href="${sitePath(routes.archiveMonth(1400, 1))}"]`).text()).toBe("فروردین ۱۴۰۰");
  });

  it("links each article's date to its archive month", () => {
    const $ = loadPage(siteDir, routes.article(3031));
    const link = $(".meta time").parent("a");
    expect(link.attr("href")).toBe(sitePath(routes.archiveMonth(1400, 1)));
    expect($(".meta time").first().text()).toBe("یکشنبه ۱ فروردین ۱۴۰۰، ساعت ۰۰:۱۰");
  });
});

describe("article anatomy", () => {
  const $ = loadPage(siteDir, routes.article(3031));

  it("shows the surtitle, author, news code and reading time", () => {
    expect($(".surtitle").text()).toBe("تحویل سال");
    expect($(".author").text()).toBe("نویسنده: مریم احمدی");
    expect($(".code").text()).toBe(`کد خبر: ${toPersianDigits(3031)}`);
    expect($(".meta").text()).toMatch(/زمان مطالعه: [۰-۹]+ دقیقه/);
  });

  it("shows the updated date only when `modified` is set", () => {
    expect($(".updated").length).toBe(0);
    const modified = loadPage(siteDir, routes.article(3032));
    expect(modified(".updated time").attr("datetime")).toBe("2023-06-11T08:30:00+03:30");
  });

  it("renders nothing for absent optional fields", () => {
    const plain = loadPage(siteDir, routes.article(3002));
    expect(plain(".surtitle, .author, .source, .updated").length).toBe(0);
    expect(plain.html()).not.toMatch(/undefined|Invalid Date|NaN/);
  });

  it("offers plain share links and the short link in a read-only field", () => {
    const names = $(".share li a")
      .map((_, a) => $(a).text())
      .get();
    expect(names).toEqual(["تلگرام", "واتس‌اپ", "ایکس", "ایمیل"]);
    expect($(".share a").first().attr("href")).toMatch(/^https:\/\/t\.me\/share\/url\?url=/);
    expect($("#short-link").attr("readonly")).toBeDefined();
    expect($("#short-link").attr("value")).toMatch(new RegExp(`${routes.short(3031)}$`));
    expect($("script:not([type='application/ld+json'])").length).toBe(0);
  });

  it("lists related articles that share a tag or the section, never the article itself", () => {
    const page = loadPage(siteDir, routes.article(3001));
    const related = page(".related a")
      .map((_, a) => Number(/\/news\/(\d+)\//.exec(page(a).attr("href")!)![1]))
      .get();
    expect(related.length).toBeGreaterThan(0);
    expect(related).not.toContain(3001);
    const self = published.find((f) => f.code === 3001)!;
    for (const code of related) {
      const other = published.find((f) => f.code === code)!;
      expect(other.section === self.section || other.tags?.length > 0).toBe(true);
    }
  });

  it("links the next newer and older articles of the same section", () => {
    const page = loadPage(siteDir, routes.article(3002));
    const hrefs = page(".neighbours a")
      .map((_, a) => page(a).attr("href"))
      .get();
    expect(hrefs).toEqual([sitePath(routes.article(3003)), sitePath(routes.article(3001))]);
  });
});

describe("drafts and future articles", () => {
  it.each([3034, 3035])("does not publish %i anywhere", (code) => {
    expect(existsSync(outputFile(siteDir, routes.article(code)))).toBe(false);
    expect(readOutput(siteDir, "/sitemap.xml")).not.toContain(`/news/${code}/`);
    expect(readOutput(siteDir, "/feed.xml")).not.toContain(`/news/${code}/`);
  });
});

describe("short links", () => {
  it("redirects /n/<code>/ to the article with a canonical link and a _redirects rule", () => {
    const $ = loadPage(siteDir, routes.short(3001));
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe(
      `0; url=${sitePath(routes.article(3001))}`,
    );
    expect($('link[rel="canonical"]').attr("href")).toMatch(new RegExp(`${routes.article(3001)}$`));
    expect(readOutput(siteDir, "/_redirects")).toContain(
      `${sitePath(routes.short(3001))} ${sitePath(routes.article(3001))} 301`,
    );
  });
});
