/**
 * How results are ranked: BM25F, with the field weights of src/search/fields.ts, split between the
 * build and the browser. Every search engine since the 1990s ranks about so; its two ideas are
 * that a word's tenth occurrence counts less than its first (saturation) and that an occurrence
 * in a short article counts more than one in a long one (length normalisation).
 *
 * - At build time each (key, article) gets its term weight: the key's occurrences, each counted
 *   by its field's weight, saturated and normalised by the article's weighted length against the
 *   average (`termWeight`). It is stored in the postings (src/search/format.ts).
 * - In the browser the weight is multiplied by the key's rarity among all articles (`rarity`),
 *   and the query words' best matches are added up. Then, in this order: an article whose title
 *   holds every query word comes first; then one where every query word matched a whole indexed
 *   word (not only the start of a longer one); then the higher score; then the newer news code.
 */

/** BM25's saturation: how fast repeated occurrences stop counting (the usual 1.2). */
export const SATURATION = 1.2;
/** BM25's length normalisation: 0 ignores the article's length, 1 divides by it (the usual 0.75). */
export const LENGTH_NORMALISATION = 0.75;

/**
 * The weight of a key in an article: `frequency` is the sum over its occurrences of their field's
 * weight, `length` the sum over the article's words of their field's weight, `averageLength` that
 * sum's mean over the index.
 */
export function termWeight(frequency: number, length: number, averageLength: number): number {
  const norm = 1 - LENGTH_NORMALISATION + (LENGTH_NORMALISATION * length) / averageLength;
  return (frequency * (SATURATION + 1)) / (frequency + SATURATION * norm);
}

/** How rare a key is: BM25's inverse document frequency, always positive. */
export function rarity(documents: number, withKey: number): number {
  return Math.log(1 + (documents - withKey + 0.5) / (withKey + 0.5));
}

/** What ranks one article for one query. */
export interface Rank {
  /** Every query word is in the title. */
  titleHoldsQuery: boolean;
  /** Every query word matched a whole indexed word. */
  exact: boolean;
  score: number;
  code: number;
}

/** Sort order of results: negative when `a` comes before `b`. */
export function compareRanks(a: Rank, b: Rank): number {
  return (
    Number(b.titleHoldsQuery) - Number(a.titleHoldsQuery) ||
    Number(b.exact) - Number(a.exact) ||
    b.score - a.score ||
    b.code - a.code
  );
}
