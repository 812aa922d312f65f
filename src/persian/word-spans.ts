/**
 * The Persian words of a text, in one pass over its code units. It finds exactly what
 * `text.matchAll(PERSIAN_WORD)` finds (tests/unit/word-spans.test.ts pins the two together), but
 * without a RegExp match object per word: the ZWNJ rules look at every word of every article.
 */
import { isWordCharCode } from "./chars.ts";

/** One Persian word of a text: letters and marks, possibly split by single ZWNJs into parts. */
export interface WordSpan {
  /** Offset of the first code unit, inclusive. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
  word: string;
}

const ZWNJ_CODE = 0x200c;

/** Every maximal run of Persian letters joined by single ZWNJs, in text order. */
export function findPersianWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    if (!isWordCharCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    index++;
    for (;;) {
      while (index < length && isWordCharCode(text.charCodeAt(index))) index++;
      // A ZWNJ continues the word only between two letters: «ها‌» ends at the letter.
      if (text.charCodeAt(index) === ZWNJ_CODE && isWordCharCode(text.charCodeAt(index + 1))) {
        index += 2;
        continue;
      }
      break;
    }
    words.push({ start, end: index, word: text.slice(start, index) });
  }
  return words;
}
