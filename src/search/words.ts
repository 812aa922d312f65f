/**
 * Words and their index keys, one definition for the index builder (src/search/build-index.ts)
 * and the browser's engine (src/search/browser/engine.ts), so that a word is found under the key
 * it was indexed under and its excerpt marks the words that matched.
 *
 * Indexed text (src/search/index-text.ts) has one space between words and none at either end, so
 * its words are what lies between spaces; the n-th word is position n of the excerpt. A word's key
 * is what `toQueryKey` (src/search/query-key.ts) makes of it: no ZWNJ, lowercase; the index text
 * is already folded. Punctuation is not part of a key: «قره‌باغ،» is found as «قرهباغ». A word that
 * punctuation splits into parts («COVID-19», «5.9») is indexed whole («covid19») and by each part
 * («covid», «19»), so a reader finds it typed either way.
 *
 * Pure and small: this module is bundled into the search page's script.
 */
import { ZWNJ } from "../persian/chars.ts";

// Letters, their marks and digits, in every script; anything else separates parts of a word.
const NOT_KEY_CHARACTERS = /[^\p{L}\p{M}\p{N}]+/u;

/** The words of an indexed text (single spaces between words), numbered from 0. */
export function textWords(text: string): string[] {
  return text === "" ? [] : text.split(" ");
}

/**
 * The keys a written word is indexed under: first the whole word without its punctuation, then,
 * when punctuation splits it, each part. None for a word with no letter or digit.
 */
export function wordKeys(word: string): string[] {
  const parts = word.replaceAll(ZWNJ, "").toLowerCase().split(NOT_KEY_CHARACTERS).filter(Boolean);
  if (parts.length <= 1) return parts;
  return [...new Set([parts.join(""), ...parts])];
}

/**
 * The terms a query key (`toQueryKey`) is searched by: each word without its punctuation, in the
 * order typed, words with no letter or digit left out.
 */
export function queryTerms(queryKey: string): string[] {
  return queryKey
    .split(" ")
    .map((word) => wordKeys(word)[0])
    .filter((term): term is string => term !== undefined);
}
