/**
 * One key per word however it was typed, for slugs and search: `تروریست‌ها`، `تروریستها` and
 * `تروریست ها` share a key, as do `ك`/`ک`، `ي`/`ی` and `۲`/`2`.
 */
import { toAsciiDigits } from "./digits.ts";
import { ZWNJ } from "./chars.ts";
import { normalizeLetters } from "./letters.ts";
import { assertText } from "./text-edits.ts";
import { restoreZwnj } from "./zwnj.ts";

// Marks that change how a word looks or is voiced but not which word it is: harakat, superscript
// alef, tatweel, and the invisible joiners and direction marks that paste operations leave behind.
const INVISIBLE_OR_VOWEL_MARKS =
  /[\u064B-\u065F\u0670\u0640\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/gu;

// Hamza spellings that Persian writes both ways: رئیس/رییس، مسأله/مساله، مؤسسه/موسسه، هٔ/ه.
// آ is a letter of its own (آب is not اب) and stays.
const HAMZA_SEAT_FOLDS: Record<string, string> = { أ: "ا", إ: "ا", ٱ: "ا", ؤ: "و", ئ: "ی", ۀ: "ه" };
const HAMZA_SEATS = /[أإٱؤئۀ]/gu;

/**
 * The match key of `text`: Persian letters (ی ک), ASCII digits, no vowel marks, suffixes and
 * prefixes joined to their word (ZWNJ repair, then every ZWNJ removed), whitespace collapsed,
 * trimmed, Latin lowercased. Hamza seats fold (رئیس = رییس، مسأله = مساله). Throws a TypeError
 * naming the value when `text` is not a string.
 */
export function toMatchKey(text: string): string {
  assertText(text, "toMatchKey");
  // NFKC folds Arabic presentation forms (ﻻ ﯾ) and full-width Latin from PDFs and old fonts.
  const plain = normalizeLetters(text.normalize("NFKC"))
    .replace(INVISIBLE_OR_VOWEL_MARKS, "")
    .replace(HAMZA_SEATS, (letter) => HAMZA_SEAT_FOLDS[letter]!)
    .replace(/\s+/gu, " ");
  return toAsciiDigits(restoreZwnj(plain))
    .replaceAll(ZWNJ, "")
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase();
}
