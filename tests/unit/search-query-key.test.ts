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
  it("keeps ZWNJs and letter case: the index text shows them, its keys drop them", () => {
    expect(foldSearchText(`NATO و تروریست${ZWNJ}ها`)).toBe(`NATO و تروریست${ZWNJ}ها`);
  });
});

// The definitions the fast implementations must agree with: the regular expressions they replaced.
const MARKS =
  /[\u064B-\u065F\u0670\u0640\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/gu;
const FOLDS: Record<string, string> = {
  "\u064A": "ی",
  "\u0649": "ی",
  "\u0643": "ک",
  أ: "ا",
  إ: "ا",
  ٱ: "ا",
  ؤ: "و",
  ئ: "ی",
  ۀ: "ه",
};
function foldByRegex(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u064A\u0649\u0643أإٱؤئۀ]/gu, (letter) => FOLDS[letter]!)
    .replace(MARKS, "")
    .replace(/[۰-۹٠-٩]/gu, (digit) => {
      const code = digit.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    })
    .replace(/\s+/gu, " ")
    .trim();
}
const LETTER_CLASS =
  "\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF";
const WORD = new RegExp(`[${LETTER_CLASS}]+(?:\\u200C[${LETTER_CLASS}]+)*`, "gu");
const SUFFIXES = new Set([...PLURAL_SUFFIXES, "تر", "تری", "ترین"]);
const AFTER_HEH = new Set(["اند", "ایم", "اید", "ام", "ای", "اش", "ات"]);
function joinByRegex(text: string, glue: (left: string, right: string) => string): string {
  const length = (word: string) => word.replaceAll(ZWNJ, "").length;
  const joins = (word: string, suffix: string) =>
    !VERB_PREFIXES.includes(word) &&
    (SUFFIXES.has(suffix)
      ? length(word) >= 2
      : AFTER_HEH.has(suffix) && endsWithSilentHeh(word) && length(word) > 2);
  let result = "";
  let cursor = 0;
  let previous: string | undefined;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const gap = text.slice(cursor, match.index);
    cursor = match.index + word.length;
    if (
      previous !== undefined &&
      /^[ \u00A0]+$/u.test(gap) &&
      (VERB_PREFIXES.includes(previous) || joins(previous, word))
    ) {
      const joined = previous + glue(previous, word) + word;
      result = result.slice(0, result.length - previous.length) + joined;
      previous = joined;
    } else {
      result += gap + word;
      previous = word;
    }
  }
  return result + text.slice(cursor);
}

describe("the fast folding and joining", () => {
  const pieces = fc.constantFrom(
    ...["ها", "های", "هایشان", "می", "نمی", "تر", "ترین", "اند", "ای", "اش", "خانه", "کرده", "راه"],
    ...["کوه", "کتاب", "رئیس", "ك", "ي", "ى", "أ", "ۀ", "ا\u0654", "۲", "٣", "ﻻ", "Ｇ", "A", "،"],
    ...["\u200C", " ", "  ", "\u00A0", "\t", "\n", "\u2003", "\u3000", "\u064E", "\u0640"],
    ...["\u200E", "\uFEFF", " \u200E ", "\u202E", "x\u0301", "\uD83D\uDE00", "\uD800"],
  );
  const texts = fc.tuple(fc.array(pieces, { maxLength: 14 }), fc.string({ maxLength: 4 }));

  it("fold every UTF-16 code unit, alone and between letters, as the regular expressions do", () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `ب ${char}ب`, `ب${char} ب`])
        if (foldSearchText(text) !== foldByRegex(text)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("fold exactly as the regular expressions do", () => {
    fc.assert(
      fc.property(texts, ([parts, noise]) => {
        const text = parts.join("") + noise;
        expect(foldSearchText(text)).toBe(foldByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("join exactly as the regular expressions do", () => {
    fc.assert(
      fc.property(texts, ([parts, noise]) => {
        const text = parts.join("") + noise;
        for (const glue of [fused, withZwnj])
          expect(joinSeparatedAffixes(text, glue)).toBe(joinByRegex(text, glue));
      }),
      { numRuns: 3000 },
    );
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
