/**
 * Search records kept between builds, as the checked articles are (src/content/article-cache.ts):
 * an article with the same text, indexed by the same code, has the same record. Making the records
 * (folding letters, restoring ZWNJs with the dictionary) was half of the index worker's time
 * (1,000 articles: 0.50 of 0.97 s; 10,000: 2.6 of 5.4 s, README "Performance"), spent again on
 * every unchanged article of every build; taking a kept record costs a hash of the article and
 * the reading of its entry.
 *
 * An entry is keyed by the SHA-256 of everything `searchRecord` reads of the article and holds the
 * record with its keys as text, for another build's key table to number. Entries live in packs
 * (src/pack-cache.ts) in a folder per version of the index worker's code, named by the caller
 * (src/search/index-site.ts): what a record holds depends on that code, the Persian dictionary in
 * it, and the ICU and time-zone data the date in its result document is written with.
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { openPackCache, savePackCache } from "../pack-cache.ts";
import { keyId } from "./key-table.ts";
import {
  searchRecord,
  type RecordOptions,
  type SearchArticle,
  type SearchRecord,
} from "./records.ts";

export interface RecordCache {
  /**
   * The records of `articles` numbered in `options.table`, in their order: each the kept one, or
   * one made now and kept.
   */
  records(articles: readonly SearchArticle[], options: RecordOptions): SearchRecord[];
  /** How many records `record` made rather than found. */
  readonly made: number;
  /**
   * Keep the records made for the next build, with those of this build's articles; the entries of
   * articles not asked for go as their pack is next written. Never throws.
   */
  save(): void;
}

/** A record as kept: its keys as text, a line each, the rest as `searchRecord` made it. */
interface KeptRecord {
  keys: string;
  frequencies: number[];
  inTitle: boolean[];
  length: number;
  document: string;
}

/** The key of an article's entry: a hash of every field of it that its record is made from. */
export function searchArticleKey(article: SearchArticle): string {
  const fields = [
    article.code,
    article.url,
    article.title,
    article.surtitle ?? null,
    article.lead,
    article.tags,
    article.section,
    article.date.getTime(),
    article.hasTime,
  ];
  // The body apart: its text in JSON would be a copy as long as the article, hashed again. JSON
  // holds no raw NUL, so the fields end where it is.
  return createHash("sha256")
    .update(JSON.stringify(fields))
    .update("\0")
    .update(article.html)
    .digest("hex");
}

/** The records kept in `folder`, read as they are asked for. Never throws. */
export function openRecordCache(folder: string): RecordCache {
  const packs = openPackCache(folder);
  let made = 0;
  return {
    get made() {
      return made;
    },
    records(articles, options) {
      const keys = articles.map(searchArticleKey);
      const entries = packs.readAll(keys);
      return articles.map((article, index) => {
        const kept = readKept(entries[index]);
        if (kept)
          return {
            code: article.code,
            keys: kept.keys.map((text) => keyId(options.table, text)),
            frequencies: kept.frequencies,
            inTitle: kept.inTitle,
            length: kept.length,
            document: kept.document,
          };
        const record = searchRecord(article, options);
        made++;
        const entry: KeptRecord = {
          keys: record.keys.map((id) => options.table.keys[id]!).join("\n"),
          frequencies: record.frequencies,
          inTitle: record.inTitle,
          length: record.length,
          document: record.document,
        };
        packs.keep(keys[index]!, serialize(entry));
        return record;
      });
    },
    save() {
      savePackCache(folder, new Set(packs.used), [packs.fresh]);
    },
  };
}

/** The record in an entry, its keys split, or `undefined` when it is damaged (it is then made anew). */
function readKept(
  entry: Uint8Array | undefined,
): (Omit<KeptRecord, "keys"> & { keys: string[] }) | undefined {
  if (!entry) return undefined;
  let value: Partial<KeptRecord> | null;
  try {
    value = deserialize(entry) as Partial<KeptRecord> | null;
  } catch {
    return undefined;
  }
  if (
    typeof value !== "object" ||
    value === null ||
    typeof value.keys !== "string" ||
    !Array.isArray(value.frequencies) ||
    !Array.isArray(value.inTitle) ||
    typeof value.length !== "number" ||
    typeof value.document !== "string"
  )
    return undefined;
  const keys = value.keys === "" ? [] : value.keys.split("\n");
  const { frequencies, inTitle } = value;
  if (frequencies.length !== keys.length || inTitle.length !== keys.length) return undefined;
  if (!frequencies.every((weight) => typeof weight === "number")) return undefined;
  if (!inTitle.every((flag) => typeof flag === "boolean")) return undefined;
  return { keys, frequencies, inTitle, length: value.length, document: value.document };
}
