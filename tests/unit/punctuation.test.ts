import { describe, expect, it } from "vitest";
import { fixPunctuationSpacing, punctuationEdits } from "../../src/persian/punctuation.ts";

describe("fixPunctuationSpacing", () => {
  it.each([
    ["روسیه ، آمریکا و فرانسه", "روسیه، آمریکا و فرانسه", "no space before «،»"],
    ["روسیه،آمریکا", "روسیه، آمریکا", "one space after «،»"],
    ["او استعفا داد ؛دولت پذیرفت", "او استعفا داد؛ دولت پذیرفت", "«؛» both sides"],
    ["چه کسی مسئول است ؟", "چه کسی مسئول است؟", "no space before «؟»"],
    ["آیا می‌آید ?", "آیا می‌آید؟", "Latin question mark after Persian"],
    ["تهران, مشهد و اصفهان", "تهران، مشهد و اصفهان", "Latin comma after Persian"],
    ["وی گفت : ما آماده‌ایم", "وی گفت: ما آماده‌ایم", "colon"],
    ["جلسه تمام شد.وی افزود", "جلسه تمام شد. وی افزود", "full stop between Persian words"],
    ["« صلح » تنها راه است", "«صلح» تنها راه است", "no padding inside guillemets"],
    ["او گفت«صلح»است", "او گفت «صلح» است", "one space outside guillemets"],
    ["خبرگزاری ( ایسنا ) گزارش داد", "خبرگزاری (ایسنا) گزارش داد", "no padding inside parentheses"],
    ["وزیر  امور   خارجه", "وزیر امور خارجه", "repeated spaces"],
  ])("fixes %s → %s (%s)", (input, expected) => {
    expect(fixPunctuationSpacing(input)).toBe(expected);
  });

  it.each([
    ["قیمت 1,000 دلار و رشد 3.5 درصد", "numbers with separators"],
    ["ساعت 12:30 بامداد", "a time"],
    ["نشانی https://example.com/a,b ، را", "a URL with a comma (only the space before «،» goes)"],
    ["دستور `a , b ; c ?` را اجرا کنید", "inline code"],
    ["  تورفتگی", "indentation"],
    ["پایان سطر  ", "a Markdown hard break"],
    ["| ستون   | دیگر |", "table columns"],
    ["Hello, world; ok?", "Latin text"],
    ["e.g. . test", "Latin punctuation"],
  ])("keeps %s (%s)", (text, kind) => {
    const expected = kind.startsWith("a URL") ? "نشانی https://example.com/a,b، را" : text;
    expect(fixPunctuationSpacing(text)).toBe(expected);
  });

  it("names the rule of each edit", () => {
    const rules = punctuationEdits("روسیه ،آمریکا").map((edit) => edit.rule);
    expect(rules).toEqual(["space-before-punctuation", "space-after-punctuation"]);
  });

  it("is idempotent on a paragraph", () => {
    const once = fixPunctuationSpacing("او گفت«ما آماده‌ایم» ، اما ( به شرط ها ) ؟");
    expect(fixPunctuationSpacing(once)).toBe(once);
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => fixPunctuationSpacing(null as unknown as string)).toThrow(
      /fixPunctuationSpacing expects a string, got object: null/u,
    );
  });
});
