import { load } from "cheerio";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/article.ts";
import { loadArticles } from "../../src/content/load-articles.ts";
import { ZWNJ } from "../../src/persian/chars.ts";
import { RESULT_FIELDS } from "../../src/search/fields.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import {
  bodyParagraphs,
  PART_WEIGHTS,
  publicationDate,
  searchDocument,
} from "../../src/search/records.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const articles = loadArticles({ dir: path.join(ROOT, "tests/fixtures/search"), root: ROOT });
const byCode = (code: number): Article => {
  const article = articles.find((candidate) => candidate.code === code);
  if (!article) throw new Error(`tests/fixtures/search has no article ${code}`);
  return article;
};

describe("bodyParagraphs", () => {
  it("gives one plain paragraph per block, entities decoded, tags gone", () => {
    const html =
      '<h2>عنوان</h2>\n<p>متن <a href="/x/">پیوند</a> &amp; &lt;b&gt; &quot;نقل&quot; &#1711;</p>\n<ul>\n<li>یک</li>\n<li>دو<br>سه</li>\n</ul>\n';
    expect(bodyParagraphs(html)).toEqual(["عنوان", 'متن پیوند & <b> "نقل" گ', "یک", "دو", "سه"]);
  });
});

describe("searchDocument", () => {
  // 5004 is typed with Arabic ي and ك; 5002 fuses تروریستها; 5003 writes تروریست ها apart.
  const arabic = load(searchDocument(byCode(5004)));
  const fused = load(searchDocument(byCode(5002)));
  const apart = load(searchDocument(byCode(5003)));

  it("weights the title, surtitle and lead above the body", () => {
    expect(arabic("h1").attr("data-pagefind-weight")).toBe(String(PART_WEIGHTS.title));
    expect(arabic("p[data-pagefind-weight]").first().attr("data-pagefind-weight")).toBe(
      String(PART_WEIGHTS.lead),
    );
    expect(arabic("div[data-pagefind-weight]").attr("data-pagefind-weight")).toBe(
      String(PART_WEIGHTS.body),
    );
    expect(PART_WEIGHTS.title).toBeGreaterThan(PART_WEIGHTS.lead);
    expect(PART_WEIGHTS.lead).toBeGreaterThan(PART_WEIGHTS.body);
  });

  it("indexes folded letters and ASCII digits, whatever the editor typed", () => {
    const text = arabic("body").text();
    expect(text).toContain("افزایش قیمت نفت در بازارهای جهانی");
    expect(text).toContain("85 دلار");
    expect(text).not.toMatch(/[يكى۰-۹]/u);
  });

  it("restores the ZWNJ of fused and separated suffixes alike", () => {
    expect(fused("h1").text()).toContain(`تروریست${ZWNJ}ها`);
    expect(apart("h1").text()).toContain(`تروریست${ZWNJ}ها`);
  });

  it("keeps the title as written for display, and the indexed title as the first words", () => {
    const article = byCode(5004);
    expect(
      arabic(`meta[data-pagefind-meta="${RESULT_FIELDS.headline}[content]"]`).attr("content"),
    ).toBe(article.title);
    expect(
      arabic(`meta[data-pagefind-meta="${RESULT_FIELDS.indexedTitle}[content]"]`).attr("content"),
    ).toBe(toIndexText(article.title));
    expect(arabic("h1").text()).toBe(toIndexText(article.title));
  });

  it("makes tags and the section searchable meta fields, and shows section and date as filters", () => {
    const article = byCode(5001);
    const $ = load(searchDocument(article));
    expect($(`meta[data-pagefind-meta="${RESULT_FIELDS.tags}[content]"]`).attr("content")).toBe(
      article.tags.map((tag) => toIndexText(tag.name)).join(" "),
    );
    expect(
      $(`meta[data-pagefind-meta="${RESULT_FIELDS.indexedSection}[content]"]`).attr("content"),
    ).toBe(toIndexText(article.section.name));
    expect(
      $(`meta[data-pagefind-filter="${RESULT_FIELDS.section}[content]"]`).attr("content"),
    ).toBe(article.section.name);
    const date = publicationDate(article);
    expect($(`meta[data-pagefind-filter="${RESULT_FIELDS.date}[content]"]`).attr("content")).toBe(
      date.text,
    );
    expect(
      $(`meta[data-pagefind-filter="${RESULT_FIELDS.datetime}[content]"]`).attr("content"),
    ).toBe(date.datetime);
    // Tags are not part of the text excerpts are cut from.
    expect($("body").text()).not.toContain("گروه مینسک روسیه");
  });

  it("escapes what it indexes", () => {
    const article = {
      ...byCode(5001),
      title: 'تیتر <script>alert("x")</script>',
      html: "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
    };
    const $ = load(searchDocument(article));
    expect($("script")).toHaveLength(0);
    expect($("img")).toHaveLength(0);
    expect($("h1").text()).toContain("<script>");
    expect($("div p").text()).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("publicationDate", () => {
  it("reads as the article page does, with the machine date beside it", () => {
    expect(publicationDate(byCode(5001))).toEqual({
      text: "پنج‌شنبه ۱۳ آذر ۱۳۹۹",
      datetime: "2020-12-03",
    });
    expect(publicationDate({ date: new Date("2020-12-03T06:00:00Z"), hasTime: true })).toEqual({
      text: "پنج‌شنبه ۱۳ آذر ۱۳۹۹، ساعت ۰۹:۳۰",
      datetime: "2020-12-03T09:30:00+03:30",
    });
  });
});
