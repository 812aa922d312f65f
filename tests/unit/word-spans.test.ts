import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWordCharCode, PERSIAN_WORD } from "../../src/persian/chars.ts";
import {
  findPersianWordOffsets,
  findPersianWords,
  hashWord,
  wordOffsets,
} from "../../src/persian/word-spans.ts";

const Z = "\u200C";

/** What the scanner replaces: the words `matchAll(PERSIAN_WORD)` finds. */
function wordsByRegExp(text: string): Array<{ start: number; end: number; word: string }> {
  return [...text.matchAll(PERSIAN_WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    word: match[0],
  }));
}

describe("isWordCharCode", () => {
  it("agrees with PERSIAN_WORD on every UTF-16 code unit", () => {
    const disagreements: number[] = [];
    const oneWordChar = new RegExp(`^(?:${PERSIAN_WORD.source})$`, "u");
    for (let code = 0; code < 0x10000; code++) {
      if (isWordCharCode(code) !== oneWordChar.test(String.fromCharCode(code)))
        disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });

  it("says no to what is not a code unit", () => {
    expect(isWordCharCode(Number.NaN)).toBe(false);
    expect(isWordCharCode(-1)).toBe(false);
    expect(isWordCharCode(0x10000)).toBe(false);
  });
});

describe("findPersianWords finds what matchAll(PERSIAN_WORD) finds", () => {
  it.each([
    ["", "empty text"],
    ["تروریست‌ها از قره‌باغ", "words with ZWNJ"],
    [`ها${Z}`, "a ZWNJ at the end"],
    [`${Z}ها`, "a ZWNJ at the start"],
    [`ها${Z}${Z}ی`, "two ZWNJs: two words"],
    [`ها${Z} ی`, "a ZWNJ before a space"],
    ["كتابي و ٢٠٢٠", "Arabic letters and digits"],
    ["مُحَمَّد ـــ علی", "harakat and tatweel"],
    ["iPhone ۱۵ و Tehran", "Latin words and Persian digits"],
    ["a😀ب\uD800ت\uDC00", "astral characters and lone surrogates"],
    ["«گفت‌وگو»، (بین‌المللی).", "punctuation around words"],
  ])("%j (%s)", (text) => {
    expect(findPersianWords(text)).toEqual(wordsByRegExp(text));
  });

  it("on random text from letters, marks, ZWNJs, spaces and other characters", () => {
    const unit = fc.constantFrom(
      "ب",
      "ه",
      "ی",
      "ي",
      "\u064E",
      "\u0640",
      Z,
      Z,
      " ",
      "\u00A0",
      "a",
      "۱",
      "،",
      "\uD83D",
      "\uDE00",
      "😀",
      "\u200D",
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join("");
        expect(findPersianWords(text)).toEqual(wordsByRegExp(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("findPersianWordOffsets", () => {
  /** The offsets' first `count` entries, as the spans they stand for. */
  function spans(text: string, into = wordOffsets()) {
    const { count, starts, ends, hashes } = findPersianWordOffsets(text, into);
    return Array.from({ length: count }, (_, index) => ({
      start: starts[index],
      end: ends[index],
      hash: hashes[index],
    }));
  }

  it("gives each word's offsets and the hash of its code units", () => {
    const text = `«تروریست${Z}ها» از قره${Z}باغ، ها${Z} و iPhone`;
    expect(spans(text), "offsets and hashes of each word").toEqual(
      wordsByRegExp(text).map(({ start, end }) => ({
        start,
        end,
        hash: hashWord(text, start, end),
      })),
    );
  });

  it("hashes a word the same wherever it stands, and two words apart", () => {
    const [first, second, third] = spans("خبر و خبر");
    expect(first!.hash, "the same word twice").toBe(third!.hash);
    expect(first!.hash, "another word").not.toBe(second!.hash);
    const hash = first!.hash!;
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 30, `${hash}: 30 bits`).toBe(true);
  });

  it("reuses and grows the lists it is given, the earlier text's words gone", () => {
    const into = wordOffsets(1);
    const long = Array.from({ length: 100 }, (_, index) => (index % 2 ? "خبر" : "روز")).join(" ");
    expect(spans(long, into), "a hundred words in room for one").toHaveLength(100);
    expect(spans("یک دو", into), "then a shorter text").toEqual([
      { start: 0, end: 2, hash: hashWord("یک دو", 0, 2) },
      { start: 3, end: 5, hash: hashWord("یک دو", 3, 5) },
    ]);
  });
});
