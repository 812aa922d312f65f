import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/content/load-articles.ts";
import { newArticlePath, newArticleSource, nextFreeCode } from "../../src/content/new-article.ts";
import { site } from "../../src/site.ts";

const now = new Date("2026-11-25T10:15:00Z"); // 13:45 on 4 Azar 1405 in Tehran

describe("nextFreeCode", () => {
  it.each([
    [[], 1001],
    [[1001], 1002],
    [[1001, 3035, 2001], 3036],
  ])("after %j is %i", (codes, expected) => {
    expect(nextFreeCode(codes)).toBe(expected);
  });
});

describe("newArticleSource", () => {
  const source = newArticleSource({
    title: "تیتر «تازه»: آزمایشی",
    code: 1002,
    now,
    tags: ["قره‌باغ", "نفت: بازار"],
  });
  const checked = checkSource(source, "new.md");

  it("writes front matter that passes validation, as a draft", () => {
    expect(checked.problems).toEqual([]);
    expect(checked.article).toMatchObject({
      code: 1002,
      title: "تیتر «تازه»: آزمایشی",
      draft: true,
      section: site.sections[0],
    });
    expect(checked.article?.tags.map((tag) => tag.name)).toEqual(["قره‌باغ", "نفت: بازار"]);
  });

  it("dates it now, in Tehran time", () => {
    expect(source).toContain("date: 2026-11-25T13:45\n");
    expect(checked.article?.date.toISOString()).toBe("2026-11-25T10:15:00.000Z");
  });

  it("explains every schema field in a comment", () => {
    for (const field of [
      "code",
      "title",
      "surtitle",
      "lead",
      "date",
      "modified",
      "section",
      "tags",
      "source",
      "quoting",
      "author",
      "draft",
    ]) {
      expect(source, field).toMatch(new RegExp(`^# (?:${field}: )?`, "m"));
      expect(source, field).toMatch(new RegExp(`^#? ?${field}:`, "m"));
    }
  });

  it("refuses an empty title and an unknown section, naming them", () => {
    expect(() => newArticleSource({ title: "  ", code: 1, now })).toThrow(/--title is empty/);
    expect(() => newArticleSource({ title: "x", code: 1, now, section: "ورزش" })).toThrow(
      /"ورزش" is unknown/,
    );
  });
});

describe("newArticlePath", () => {
  it("files the article under its Jalali year", () => {
    expect(newArticlePath(1002, now)).toBe("1405/1002.md");
  });
});
