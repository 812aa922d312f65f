import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, readingMinutes } from "../../src/reading-time.ts";

// The definition countWords implements without building a list of words.
const byDefinition = (text: string) => text.match(/[\p{L}\p{N}\p{M}\u200C]+/gu)?.length ?? 0;

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   ", 0],
    ["تروریست‌ها آمدند", 2],
    ["نیم‌فاصله joins: بین‌المللی", 3],
    ["۱۳۹۹ و 2020", 3],
    ["G20، iPhone 15 Pro", 4],
    ["**پررنگ** و [پیوند](/news/1/)", 5],
    ["مَدرسه", 1],
    ["😀 خبر 😀", 1],
    ["𝒜𝒷𝒸 خبر", 2],
    ["a\uD800b", 2],
    ["\uDC00خبر", 1],
  ])("counts %j as %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(byDefinition(text)).toBe(words);
  });

  it("agrees with the definition on any text, astral characters and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(countWords(text)).toBe(byDefinition(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("readingMinutes", () => {
  it.each([
    [0, 1],
    [199, 1],
    [300, 2],
    [1000, 5],
  ])("gives %i words %i minutes (200 a minute, at least one)", (words, minutes) => {
    expect(readingMinutes(Array(words).fill("خبر").join(" "))).toBe(minutes);
  });
});
