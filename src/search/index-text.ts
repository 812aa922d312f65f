/**
 * The text the search index is built from: the article as a reader would type it in the best
 * case, so that every spelling of a word leads to one indexed word.
 *
 * `toIndexText` folds letters and digits like `toMatchKey` (src/persian/match-key.ts), restores
 * ZWNJs with the dictionary (restoreZwnj), then joins the affixes the browser joins too
 * (joinSeparatedAffixes). Unlike the match key it keeps the ZWNJs and the letter case: Pagefind
 * drops ZWNJs and lowercases when it indexes a word, and keeps the text as it is for the excerpt a
 * reader sees, so «تروریست‌ها» is shown with its نیم‌فاصله and found as «تروریستها».
 * tests/unit/search-keys.test.ts checks that `toQueryKey` of this text is this text's words, and
 * that it agrees with `toMatchKey`.
 */
import { restoreZwnj } from "../persian/zwnj.ts";
import { foldSearchText, joinSeparatedAffixes, withZwnj } from "./query-key.ts";

/** The text to index for `text`: folded letters and ASCII digits, ZWNJs restored, affixes joined. */
export function toIndexText(text: string): string {
  return joinSeparatedAffixes(restoreZwnj(foldSearchText(text)), withZwnj)
    .replace(/\s+/gu, " ")
    .trim();
}
