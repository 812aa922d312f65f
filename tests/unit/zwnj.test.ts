import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { restoreZwnj, zwnjEdits } from "../../src/persian/zwnj.ts";

const Z = "\u200C";
const seedWords = JSON.parse(
  readFileSync(new URL("../fixtures/typography/seed-words.json", import.meta.url), "utf8"),
) as {
  zwnjFixes: Array<{ input: string; expected: string }>;
  unchanged: string[];
};

describe("restoreZwnj on the seed article's words", () => {
  it.each(seedWords.zwnjFixes.map((fix) => [fix.input, fix.expected]))(
    "writes %s as %s",
    (input, expected) => {
      expect(restoreZwnj(input)).toBe(expected);
    },
  );

  it.each(seedWords.unchanged)("leaves %s as written", (word) => {
    expect(restoreZwnj(word)).toBe(word);
    expect(zwnjEdits(word)).toEqual([]);
  });
});

describe("restoreZwnj on fused forms", () => {
  it.each([
    ["دولتهای", `دولت${Z}های`, "plural after a joining letter"],
    ["عرصهها", `عرصه${Z}ها`, "plural after a silent ه"],
    ["کشورهای", "کشورهای", "no ZWNJ after a non-joining letter"],
    ["میرسد", `می${Z}رسد`, "verb prefix می"],
    ["نمیرود", `نمی${Z}رود`, "verb prefix نمی"],
    ["میآید", `می${Z}آید`, "verb prefix before آ"],
    ["بزرگترین", `بزرگ${Z}ترین`, "superlative"],
    ["تازهتر", `تازه${Z}تر`, "comparative after a silent ه"],
    ["کردهاند", `کرده${Z}اند`, "perfect after a silent ه"],
    ["بینالمللی", `بین${Z}المللی`, "listed compound"],
    ["گفتوگوهای", `گفت${Z}وگوهای`, "listed compound with an inflection"],
    ["مصرفکنندگان", `مصرف${Z}کنندگان`, "agent compound"],
    ["اصولگرایان", `اصول${Z}گرایان`, "compound in گرا"],
  ])("writes %s as %s (%s)", (input, expected) => {
    expect(restoreZwnj(input)).toBe(expected);
  });

  it.each([
    ["تنها", "a word of its own, on the exceptions list"],
    ["بیشتر", "comparative written fused by the Academy"],
    ["میز", "a word that begins like a verb prefix"],
    ["میلیون", "a word that begins like a verb prefix"],
    ["میدان", "a noun with a plural of its own"],
    ["خاورمیانه", "می inside a word"],
    ["دفتر", "a noun that ends in تر"],
    ["پیتر", "a name that ends in تر"],
    ["سهام", "a word that ends in ه + ام"],
    ["فقهای", "a word in ها with its ezafe"],
    ["بهای", "a word in ها with its ezafe"],
    ["نمیرد", "ن + the verb میرد"],
  ])("leaves %s alone (%s)", (word) => {
    expect(restoreZwnj(word)).toBe(word);
  });
});

describe("restoreZwnj on space-separated forms", () => {
  it.each([
    ["تروریست ها", `تروریست${Z}ها`],
    ["کشور ها", "کشورها"],
    ["می رسد", `می${Z}رسد`],
    ["نمی رود", `نمی${Z}رود`],
    ["بزرگ ترین", `بزرگ${Z}ترین`],
    ["کرده اند", `کرده${Z}اند`],
    ["عده ای", `عده${Z}ای`],
    ["بین المللی", `بین${Z}المللی`],
    ["گفت و گو", `گفت${Z}وگو`],
    ["قره باغ", `قره${Z}باغ`],
  ])("joins %s into %s", (input, expected) => {
    expect(restoreZwnj(input)).toBe(expected);
  });

  it("does not join across a line break", () => {
    expect(restoreZwnj("تروریست\nها")).toBe("تروریست\nها");
  });

  it("leaves «تر» after a noun apart: it is also the adjective wet", () => {
    expect(restoreZwnj("لباس تر")).toBe("لباس تر");
  });
});

describe("ambiguous fused forms", () => {
  it("reports both readings at low confidence and does not apply either", () => {
    const [edit] = zwnjEdits("نامهای");
    expect(edit).toMatchObject({
      replacement: `نام${Z}های / نامه${Z}ای`,
      rule: "zwnj-ambiguous",
      confidence: "low",
      fixable: false,
    });
    expect(restoreZwnj("نامهای")).toBe("نامهای");
  });

  it("takes the editors' preferred reading when the list has one", () => {
    expect(restoreZwnj("سالهای اخیر")).toBe(`سال${Z}های اخیر`);
  });
});

describe("stray ZWNJs", () => {
  it("removes a ZWNJ next to a space, then joins the suffix", () => {
    expect(restoreZwnj(`کتاب${Z} ها`)).toBe(`کتاب${Z}ها`);
  });

  it("collapses a doubled ZWNJ to one", () => {
    expect(restoreZwnj(`کتاب${Z}${Z}ها`)).toBe(`کتاب${Z}ها`);
  });
});

describe("zwnjEdits", () => {
  it("reports offsets in the original text even when it has Arabic letters", () => {
    const text = "گفت كتابهاي";
    const [edit] = zwnjEdits(text);
    expect(edit).toMatchObject({
      start: 4,
      end: 11,
      replacement: `کتاب${Z}های`,
      rule: "zwnj-plural",
      confidence: "high",
    });
  });

  it("leaves code spans and URLs alone", () => {
    expect(zwnjEdits("کد `میرسد` و https://example.com/تروریستها")).toEqual([]);
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => restoreZwnj(undefined as unknown as string)).toThrow(
      /restoreZwnj expects a string, got undefined/u,
    );
  });
});
