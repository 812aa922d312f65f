import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMatchKey } from "../../src/persian/match-key.ts";

const Z = "\u200C";

describe("toMatchKey", () => {
  it.each([
    [["تروریست‌ها", "تروریستها", "تروریست ها"], "ZWNJ, fused and space-separated plural"],
    [["می‌رسد", "میرسد", "می رسد"], "verb prefix in three spellings"],
    [["بین‌المللی", "بینالمللی", "بین المللی"], "listed compound"],
    [["کتاب", "كتاب"], "Arabic kaf"],
    [["علی", "علي", "على"], "Arabic yeh and alef maksura"],
    [["۲ نفر", "2 نفر", "٢ نفر"], "Persian, ASCII and Arabic-Indic digits"],
    [["Tehran  Times", " tehran times "], "Latin case and spacing"],
    [["مسألهٔ", "مساله", "مسأله"], "hamza above heh and hamza on alef"],
    [["رئیس", "رييس", "رییس"], "hamza on ye"],
    [["مؤسسه", "موسسه"], "hamza on waw"],
    [["کـــتاب", "کتاب"], "tatweel"],
    [["كِتابٌ", "کتاب"], "harakat"],
  ])("gives one key for %j (%s)", (spellings) => {
    const keys = new Set(spellings.map((spelling) => toMatchKey(spelling)));
    expect(keys.size).toBe(1);
  });

  it("removes every ZWNJ and collapses whitespace", () => {
    expect(toMatchKey(`  گفت${Z}وگوی   ملی\n`)).toBe("گفتوگوی ملی");
  });

  it("keeps آ apart from ا: they are different letters", () => {
    expect(toMatchKey("آب")).not.toBe(toMatchKey("اب"));
  });

  it("keeps words that only look like a suffix form apart", () => {
    expect(toMatchKey("تنها")).not.toBe(toMatchKey("تن ها"));
  });

  it("is stable: the key of a key is the key", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "تروریست ها",
          "میرسد",
          "كشورها",
          "بین المللی",
          "Hello ٢",
          "تنها",
          "سال های",
        ),
        (text) => {
          const key = toMatchKey(text);
          return toMatchKey(key) === key;
        },
      ),
    );
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => toMatchKey(["a"] as unknown as string)).toThrow(
      /toMatchKey expects a string, got object: \["a"\]/u,
    );
  });
});
