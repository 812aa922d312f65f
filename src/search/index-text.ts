/**
 * The text the search index is built from: the article as a reader would type it in the best
 * case, so that every spelling of a word leads to one indexed word.
 *
 * `toIndexText` folds letters and digits like `toMatchKey` (src/persian/match-key.ts), restores
 * ZWNJs with the dictionary (restoreZwnj), then joins the affixes the browser joins too
 * (joinSeparatedAffixes). Unlike the match key it keeps the ZWNJs and the letter case: the index
 * keys its words without ZWNJ and in lower case (src/search/words.ts), and the excerpt a reader
 * sees is cut from this text, so «تروریست‌ها» is shown with its نیم‌فاصله and found as «تروریستها».
 * tests/unit/search-keys.test.ts checks that `toQueryKey` of this text is this text's words, that
 * it agrees with `toMatchKey`, and that each word's key is what the browser computes for it.
 */
import { restoreZwnj } from "../persian/zwnj.ts";
import { foldSearchText, joinSeparatedAffixes, withZwnj } from "./query-key.ts";

/** The text to index for `text`: folded letters and ASCII digits, ZWNJs restored, affixes joined. */
export function toIndexText(text: string): string {
  return collapseWhitespace(joinSeparatedAffixes(restoreZwnj(foldSearchText(text)), withZwnj));
}

// Whitespace other than a single space between words: a run, a tab, a no-break space. Matching
// only these (rather than every space, as /\s+/ does) leaves the usual text untouched and uncopied.
const IRREGULAR_WHITESPACE = /[^\S ]\s*| \s+/gu;

/** Every run of whitespace as one space, none at either end, as `.replace(/\s+/gu, " ").trim()`. */
export function collapseWhitespace(text: string): string {
  return text.replace(IRREGULAR_WHITESPACE, " ").trim();
}

/**
 * `toIndexText` remembered per text: for the names of tags and sections, which recur across
 * thousands of articles.
 */
export function rememberedIndexText(): (name: string) => string {
  const texts = new Map<string, string>();
  return (name) => {
    let text = texts.get(name);
    if (text === undefined) texts.set(name, (text = toIndexText(name)));
    return text;
  };
}
