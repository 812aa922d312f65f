import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import { ZWNJ } from "../../src/persian/chars.ts";
import { FIELD_WEIGHTS } from "../../src/search/fields.ts";
import type { ResultDocument } from "../../src/search/format.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import { createKeyTable } from "../../src/search/key-table.ts";
import {
  bodyParagraphs,
  publicationDate,
  searchRecord,
  toSearchArticle,
  type SearchArticle,
  type SearchRecord,
} from "../../src/search/records.ts";
import { textWords } from "../../src/search/words.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const articles = loadArticles({ dir: path.join(ROOT, "tests/fixtures/search"), root: ROOT });
const byCode = (code: number): SearchArticle => {
  const article = articles.find((candidate) => candidate.code === code);
  if (!article) throw new Error(`tests/fixtures/search has no article ${code}`);
  return toSearchArticle(article);
};

const table = createKeyTable();
const record = (article: SearchArticle) => searchRecord(article, { table });
const documentOf = (made: SearchRecord) => JSON.parse(made.document) as ResultDocument;
/** The record's keys as text, with their weighted frequency. */
const frequencies = (made: SearchRecord) =>
  new Map(made.keys.map((id, slot) => [table.keys[id]!, made.frequencies[slot]!]));

describe("bodyParagraphs", () => {
  it("gives one plain paragraph per block, entities decoded, tags gone", () => {
    const html =
      '<h2>عنوان</h2>\n<p>متن <a href="/x/">پیوند</a> &amp; &lt;b&gt; &quot;نقل&quot; &#1711;</p>\n<ul>\n<li>یک</li>\n<li>دو<br>سه</li>\n</ul>\n';
    expect(bodyParagraphs(html)).toEqual(["عنوان", 'متن پیوند & <b> "نقل" گ', "یک", "دو", "سه"]);
  });

  it("collapses whitespace inside a paragraph", () => {
    expect(bodyParagraphs("<p>  یک \t دو&nbsp;سه\u00A0 </p>")).toEqual(["یک دو سه"]);
  });
});

describe("toSearchArticle", () => {
  it("keeps what the index needs as plain data a worker thread can receive", () => {
    const article = byCode(5001);
    expect(structuredClone(article)).toEqual(article);
    expect(article).toMatchObject({
      code: 5001,
      url: "/news/5001/",
      tags: ["قره‌باغ", "گروه مینسک", "روسیه"],
      section: "بین‌الملل",
    });
  });
});

describe("searchRecord", () => {
  // 5004 is typed with Arabic ي and ك; 5002 fuses تروریستها; 5003 writes تروریست ها apart.
  const arabic = record(byCode(5004));

  it("shows the title as written, and opens its text with the indexed title", () => {
    const document = documentOf(arabic);
    expect(document.headline).toBe(byCode(5004).title);
    expect(document.headline).toMatch(/[يك]/u);
    const title = toIndexText(byCode(5004).title);
    expect(document.content.startsWith(`${title} `)).toBe(true);
    expect(document.titleWords).toBe(textWords(title).length);
  });

  it("indexes folded letters and ASCII digits, whatever the editor typed", () => {
    const { content } = documentOf(arabic);
    expect(content).toContain("افزایش قیمت نفت در بازارهای جهانی");
    expect(content).toContain("85 دلار");
    expect(content).not.toMatch(/[يكى۰-۹]/u);
    expect(frequencies(arabic).has("قیمت")).toBe(true);
    expect(frequencies(arabic).has("قيمت")).toBe(false);
  });

  it("restores the ZWNJ of fused and separated suffixes alike, and keys the word without it", () => {
    for (const code of [5002, 5003]) {
      const made = record(byCode(code));
      expect(documentOf(made).content).toContain(`تروریست${ZWNJ}ها`);
      expect(frequencies(made).has("تروریستها")).toBe(true);
    }
  });

  it("counts each occurrence by its field's weight, tags and section included", () => {
    // 5005: «کرمان» in the lead, and as a tag; «زلزله» in the title, and as a tag.
    const made = frequencies(record(byCode(5005)));
    expect(made.get("کرمان")).toBe(FIELD_WEIGHTS.lead + FIELD_WEIGHTS.tags + FIELD_WEIGHTS.title);
    expect(made.get("زلزله")).toBe(FIELD_WEIGHTS.title + FIELD_WEIGHTS.tags);
    expect(made.get("اجتماعی")).toBe(FIELD_WEIGHTS.section);
  });

  it("flags the title's keys, and measures the article by its weighted words", () => {
    const article = byCode(5007);
    const made = record(article);
    const inTitle = made.keys.filter((_, slot) => made.inTitle[slot]).map((id) => table.keys[id]);
    expect(inTitle).toEqual(["بانک", "مرکزی", "نرخ", "تورم", "خرداد", "را", "اعلام", "کرد"]);
    const words = (text: string) => textWords(toIndexText(text)).length;
    expect(made.length).toBe(
      FIELD_WEIGHTS.title * words(article.title) +
        FIELD_WEIGHTS.lead * words(article.lead) +
        FIELD_WEIGHTS.body *
          bodyParagraphs(article.html)
            .map(words)
            .reduce((a, b) => a + b, 0) +
        FIELD_WEIGHTS.tags * article.tags.map(words).reduce((a, b) => a + b, 0) +
        FIELD_WEIGHTS.section * words(article.section),
    );
  });

  it("leaves tags and the section out of the text excerpts are cut from", () => {
    const { content } = documentOf(record(byCode(5013)));
    expect(content).not.toContain("ایتالیا");
    expect(content).not.toContain("بین‌الملل");
  });

  it("gives the date as the article page shows it", () => {
    const document = documentOf(record(byCode(5001)));
    expect([document.date, document.datetime]).toEqual(["پنج‌شنبه ۱۳ آذر ۱۳۹۹", "2020-12-03"]);
  });

  it("keeps markup in a title as text: the document is JSON, the page writes text nodes", () => {
    const title = 'تیتر <script>alert("x")</script> &amp; </p>';
    const document = documentOf(record({ ...byCode(5001), title }));
    expect(document.headline).toBe(title);
    expect(document.content).toContain("<script>");
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
