/**
 * The files of the search index, as the builder (src/search/build-index.ts) writes them and the
 * browser's engine (src/search/browser/engine.ts) reads them: plain JSON, no WebAssembly.
 *
 * - The manifest (`/search/index.json`, a fixed name, fetched network-first): the number of
 *   articles and, for each chunk of the word index, its first and last key and its file name.
 * - Chunks (`/assets/search-index/chunk.<hash>.json`, named by their content, cached forever):
 *   keys in UTF-16 code-unit order, each with its postings.
 * - One result document per article (`/search/docs/<news code>.json`): what its result shows.
 *
 * A key's postings are one flat array of pairs: the article's news code (the first as it is, each
 * next as the difference from the one before: codes ascend) and a packed value, the key's
 * saturated, length-normalised term weight in the article (src/search/ranking.ts) times
 * WEIGHT_SCALE, doubled, plus 1 when the key is in the article's title.
 */

/** Bumped when the files change shape; the engine refuses a manifest of another format. */
export const INDEX_FORMAT = 1;

/** Term weights are stored as whole numbers: this many steps per unit. */
export const WEIGHT_SCALE = 100;

export interface IndexManifest {
  format: typeof INDEX_FORMAT;
  /** Articles in the index (for the rarity of a key: how many of them it is in). */
  documents: number;
  /** Where the chunks and the result documents are, relative to the manifest's URL. */
  chunkPath: string;
  documentPath: string;
  /** The chunks in key order: first key, last key, file name. */
  chunks: [first: string, last: string, file: string][];
}

export interface IndexChunk {
  /** Sorted by UTF-16 code unit, as `Array.prototype.sort` sorts strings. */
  keys: string[];
  /** `postings[i]` belongs to `keys[i]`: pairs of (news code, or its difference) and packed value. */
  postings: number[][];
}

/** What a search result shows of one article. */
export interface ResultDocument {
  /** The article's address, with any path prefix. */
  url: string;
  /** The title as the editor wrote it. */
  headline: string;
  /** The section's name. */
  section: string;
  /** The date as the article page shows it: «پنج‌شنبه ۱۳ آذر ۱۳۹۹» (، ساعت ۰۹:۳۰). */
  date: string;
  /** Its `<time datetime>`: `2020-12-03`, or with its time and the Tehran offset. */
  datetime: string;
  /** Words of the indexed title, which opens `content` and is left out of the excerpt. */
  titleWords: number;
  /** The indexed text of the title, surtitle, lead and body: what excerpts are cut from. */
  content: string;
}

/** One posting, unpacked. */
export interface Posting {
  code: number;
  /** The key's term weight in the article (before rarity): see src/search/ranking.ts. */
  weight: number;
  /** Whether the key is a word of the article's title. */
  inTitle: boolean;
}

/** Pack a term weight and the title flag into one whole number. */
export function packPosting(weight: number, inTitle: boolean): number {
  if (!(weight > 0) || !Number.isFinite(weight))
    throw new RangeError(`A term weight must be a positive number, got ${weight}`);
  return Math.max(1, Math.round(weight * WEIGHT_SCALE)) * 2 + (inTitle ? 1 : 0);
}

/** Unpack a key's postings (see the module comment). */
export function readPostings(packed: readonly number[]): Posting[] {
  const postings: Posting[] = [];
  let code = 0;
  for (let index = 0; index + 1 < packed.length; index += 2) {
    code += packed[index]!;
    const value = packed[index + 1]!;
    postings.push({ code, weight: Math.floor(value / 2) / WEIGHT_SCALE, inTitle: value % 2 === 1 });
  }
  return postings;
}
