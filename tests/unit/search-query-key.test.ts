import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZWNJ } from "../../src/persian/chars.ts";
import {
  endsWithSilentHeh as dictionaryEndsWithSilentHeh,
  PLURAL_SUFFIXES as DICTIONARY_PLURALS,
  VERB_PREFIXES as DICTIONARY_PREFIXES,
} from "../../src/persian/fused-words.ts";
import {
  endsWithSilentHeh,
  foldSearchText,
  fused,
  joinSeparatedAffixes,
  MAX_ALTERNATIVES,
  PLURAL_SUFFIXES,
  queryAlternatives,
  toQueryKey,
  VERB_PREFIXES,
  withZwnj,
} from "../../src/search/query-key.ts";

describe("toQueryKey", () => {
  it.each([
    // The spellings: ZWNJ, fused, space.
    ["تروریست‌ها", "تروریستها"],
    ["تروریستها", "تروریستها"],
    ["تروریست ها", "تروریستها"],
    ["قره‌باغ", "قرهباغ"],
    ["قرهباغ", "قرهباغ"],
    // Arabic letters and digits.
    ["كرمان", "کرمان"],
    ["قيمت", "قیمت"],
    ["مصطفى", "مصطفی"],
    ["۲ هزار", "2 هزار"],
    ["٢ هزار", "2 هزار"],
    ["2 هزار", "2 هزار"],
    // Hamza seats, harakat, tatweel, invisible marks, presentation forms, full-width Latin.
    ["رئیس", "رییس"],
    ["مسأله", "مساله"],
    ["مؤسسه", "موسسه"],
    ["خانهٔ", "خانه"],
    ["کِتاب", "کتاب"],
    ["کتــاب", "کتاب"],
    ["\u200Fکتاب\u200E", "کتاب"],
    ["ﻻریجانی", "لاریجانی"],
    ["Ｇ２０", "g20"],
    // Affixes typed apart.
    ["می رسد", "میرسد"],
    ["نمی توان", "نمیتوان"],
    ["کشور ها", "کشورها"],
    ["تروریست هایشان", "تروریستهایشان"],
    ["بزرگ ترین", "بزرگترین"],
    ["بزرگ تر", "بزرگتر"],
    ["کرده اند", "کردهاند"],
    ["خانه اش", "خانهاش"],
    ["نامه ای", "نامهای"],
    // …but not where the letters say otherwise.
    ["کوه ام", "کوه ام"], // a voiced ه takes its endings fused (کوهم): «ام» here is a word
    ["تروریست، ها", "تروریست، ها"], // punctuation between
    ["NATO ها", "nato ها"], // only Persian words take Persian suffixes
    ["و ها", "و ها"], // no stem of one letter
    // Case, spaces.
    ["  NATO   نشست  ", "nato نشست"],
    ["", ""],
  ])("%j → %j", (query, key) => {
    expect(toQueryKey(query)).toBe(key);
  });

  it("leaves no ZWNJ, however the query was typed", () => {
    expect(toQueryKey(`تروریست${ZWNJ}${ZWNJ} ها ${ZWNJ}`)).toBe("تروریستها");
  });

  it("is idempotent: a key is its own key", () => {
    const persian = fc.constantFrom(
      "ها",
      "می",
      "تر",
      "ترین",
      "اند",
      "خانه",
      "کرده",
      "کتاب",
      "ك",
      "ي",
      "۲",
      "\u200C",
      " ",
      "،",
      "A",
      "رئیس",
    );
    fc.assert(
      fc.property(fc.array(persian, { maxLength: 12 }), (parts) => {
        const key = toQueryKey(parts.join(""));
        expect(toQueryKey(key)).toBe(key);
      }),
    );
  });

  it("names the value when it is not text", () => {
    expect(() => toQueryKey(42 as unknown as string)).toThrow(
      /foldSearchText expects a string, got number: 42/,
    );
  });
});

describe("foldSearchText", () => {
  it("keeps ZWNJs and letter case, which Pagefind handles itself", () => {
    expect(foldSearchText(`NATO و تروریست${ZWNJ}ها`)).toBe(`NATO و تروریست${ZWNJ}ها`);
  });
});

describe("joinSeparatedAffixes", () => {
  it.each([
    ["تروریست ها", `تروریست${ZWNJ}ها`],
    ["کشور ها", "کشورها"], // ر never joins the next letter: no ZWNJ needed
    ["می رسد", `می${ZWNJ}رسد`],
    ["کرده اند و رفته ایم", `کرده${ZWNJ}اند و رفته${ZWNJ}ایم`],
    ["کشور ها، شهر ها.", "کشورها، شهرها."],
  ])("writes %j readably as %j", (text, joined) => {
    expect(joinSeparatedAffixes(text, withZwnj)).toBe(joined);
  });

  it("joins a chain of affixes into one word", () => {
    expect(joinSeparatedAffixes("می رسد ها", fused)).toBe("میرسدها");
  });
});

describe("queryAlternatives", () => {
  it.each([
    ["بین المللی", ["بین المللی", "بینالمللی"]],
    ["گفت و گو", ["گفت و گو", "گفتو گو", "گفت وگو", "گفتوگو"]],
    ["تروریستها", ["تروریستها"]],
    ["g20 نشست", ["g20 نشست"]], // a Latin word is never fused
  ])("%j is searched as %j", (key, alternatives) => {
    expect(queryAlternatives(key).map((alternative) => alternative.query)).toEqual(alternatives);
  });

  it("names the fused word, which must be in the index for its search to count", () => {
    expect(queryAlternatives("رییس جمهور فرانسه")).toEqual([
      { query: "رییس جمهور فرانسه" },
      { query: "رییسجمهور فرانسه", fused: "رییسجمهور" },
      { query: "رییس جمهورفرانسه", fused: "جمهورفرانسه" },
      { query: "رییسجمهورفرانسه", fused: "رییسجمهورفرانسه" },
    ]);
    expect(queryAlternatives("")).toEqual([]);
  });

  it(`runs at most ${MAX_ALTERNATIVES} searches however long the query`, () => {
    const alternatives = queryAlternatives("یک دو سه چهار پنج شش هفت هشت نه ده");
    expect(alternatives).toHaveLength(MAX_ALTERNATIVES);
    expect(alternatives[0]).toEqual({ query: "یک دو سه چهار پنج شش هفت هشت نه ده" });
  });
});

describe("the browser's rules and the dictionary's", () => {
  it("know the same plural endings and verb prefixes", () => {
    expect([...PLURAL_SUFFIXES].sort()).toEqual([...DICTIONARY_PLURALS].sort());
    expect([...VERB_PREFIXES].sort()).toEqual([...DICTIONARY_PREFIXES].sort());
  });

  it("tell a silent ه the same way", () => {
    for (const word of [
      "خانه",
      "کرده",
      "راه",
      "کوه",
      "گروه",
      "ته",
      "آه",
      "مه",
      "نامه",
      "شاه",
      "تنبیه",
    ]) {
      expect(endsWithSilentHeh(word), word).toBe(dictionaryEndsWithSilentHeh(word));
    }
  });
});
