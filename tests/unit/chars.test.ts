import { describe, expect, it } from "vitest";
import {
  endsWithJoiningLetter,
  isPersianLetter,
  PERSIAN_WORD,
  ZWNJ,
} from "../../src/persian/chars.ts";

describe("endsWithJoiningLetter", () => {
  it.each(["دولت", "عرصه", "آن", "کشتی", "بانک", "بین‌الملل".replace(ZWNJ, "")])(
    "says %s joins the next letter",
    (word) => {
      expect(endsWithJoiningLetter(word)).toBe(true);
    },
  );

  it.each(["کشور", "باز", "خودرو", "صد", "آقا", "کاغذ", "دژ"])(
    "says %s does not join the next letter",
    (word) => {
      expect(endsWithJoiningLetter(word)).toBe(false);
    },
  );

  it("looks past vowel marks to the last letter", () => {
    expect(endsWithJoiningLetter("کتابٌ")).toBe(true);
  });

  it("says a Latin word does not end in a Persian joining letter", () => {
    expect(endsWithJoiningLetter("Tehran")).toBe(false);
  });
});

describe("isPersianLetter", () => {
  it("accepts Persian and Arabic letters and rejects digits, Latin and punctuation", () => {
    expect(["پ", "ژ", "ي", "ك"].every((char) => isPersianLetter(char))).toBe(true);
    expect(["۲", "a", "،", " ", undefined].some((char) => isPersianLetter(char))).toBe(false);
  });
});

describe("PERSIAN_WORD", () => {
  it("matches whole words with their inner ZWNJs and nothing around them", () => {
    expect("«تروریست‌ها»، می‌رسد 2 test".match(PERSIAN_WORD)).toEqual(["تروریست‌ها", "می‌رسد"]);
  });
});
