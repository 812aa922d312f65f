import { describe, expect, it } from "vitest";
import {
  compoundSpelling,
  endsWithSilentHeh,
  isVerbForm,
  repairFusedWord,
} from "../../src/persian/fused-words.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";

const Z = "\u200C";

describe("repairFusedWord", () => {
  it.each([
    ["تروریستها", `تروریست${Z}ها`, "zwnj-plural"],
    ["میخواهد", `می${Z}خواهد`, "zwnj-verb-prefix"],
    ["مهمترین", `مهم${Z}ترین`, "zwnj-comparative"],
    ["شدهاند", `شده${Z}اند`, "zwnj-after-heh"],
    ["ستیزهجویان", `ستیزه${Z}جویان`, "zwnj-compound"],
    ["شرکتکنندگان", `شرکت${Z}کنندگان`, "zwnj-compound-tail"],
    ["سالهای", `سال${Z}های`, "zwnj-preferred-reading"],
  ])("repairs %s as %s by rule %s, with high confidence", (word, replacement, rule) => {
    expect(repairFusedWord(word)).toEqual({ replacement, rule, confidence: "high", fixable: true });
  });

  it("reports both readings of an ambiguous word and marks it not fixable", () => {
    expect(repairFusedWord("نامهای")).toEqual({
      replacement: `نام${Z}های / نامه${Z}ای`,
      rule: "zwnj-ambiguous",
      confidence: "low",
      fixable: false,
    });
  });

  it("counts a reading that needs no change: کردهای is also «Kurds»", () => {
    expect(repairFusedWord("کردهایم")).toEqual({
      replacement: `کرده${Z}ایم`,
      rule: "zwnj-after-heh",
      confidence: "high",
      fixable: true,
    });
    expect(repairFusedWord("کردهای")).toBeUndefined();
  });

  it.each([
    "میراث",
    "مینسک",
    "میدان",
    "میگو",
    "تنها",
    "تنهایی",
    "بارها",
    "دفتر",
    "ویترین",
    "فیلتر",
    "سهام",
    "الهام",
    "نهایی",
    "انتهای",
  ])("returns nothing for %s, a word as it stands", (word) => {
    expect(repairFusedWord(word)).toBeUndefined();
  });

  it("returns nothing for a word that already has a ZWNJ or is too short", () => {
    expect(repairFusedWord(`دولت${Z}ها`)).toBeUndefined();
    expect(repairFusedWord("ها")).toBeUndefined();
  });
});

describe("isVerbForm", () => {
  it.each([
    ["رسد", true],
    ["آید", true],
    ["انجامد", true],
    ["لیون", false],
    ["دانها", false],
  ])("says %s is a verb form: %s", (word, expected) => {
    expect(isVerbForm(word, getLexicon())).toBe(expected);
  });
});

describe("compoundSpelling", () => {
  it("finds a listed compound with an inflection, adding a ZWNJ before ها after a joining letter", () => {
    expect(compoundSpelling("بینالمللی", getLexicon())).toBe(`بین${Z}المللی`);
    expect(compoundSpelling("راهپیماییها", getLexicon())).toBe(`راه${Z}پیمایی${Z}ها`);
    expect(compoundSpelling("ستیزهجویان", getLexicon())).toBe(`ستیزه${Z}جویان`);
    expect(compoundSpelling("سازمان", getLexicon())).toBeUndefined();
  });
});

describe("endsWithSilentHeh", () => {
  it.each([
    ["خانه", true],
    ["کرده", true],
    ["راه", false],
    ["گروه", false],
    ["کتاب", false],
  ])("says %s ends in a silent ه: %s", (word, expected) => {
    expect(endsWithSilentHeh(word)).toBe(expected);
  });
});
