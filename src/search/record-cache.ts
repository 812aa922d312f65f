/**
 * Search records kept between builds, as the checked articles are (src/content/article-cache.ts):
 * an article with the same text, indexed by the same code, has the same record. Making the records
 * (folding letters, restoring ZWNJs with the dictionary) was half of the index worker's time
 * (1,000 articles: 0.50 of 0.97 s; 10,000: 2.6 of 5.4 s, bench/HISTORY.md), spent again on
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
  /** How many records `records` made rather than found. */
  readonly made: number;
  /**
   * Keep the records made for the next build, with those of this build's articles; the entries of
   * articles not asked for go as their pack is next written. Never throws.
   */
  save(): void;
}

// An entry, little-endian: the number of keys n, the UTF-16 code units of the keys (a line each)
// and of the document (32-bit each); the record's length, then its n frequencies (64-bit floats);
// n bytes of inTitle (0 or 1); then the keys' and the document's UTF-16 code units. Not V8's
// serialisation: measured on 10,000 records, it took 0.4–1.2 s to write them and 0.3 s to read
// them, this 0.07 s to read; their strings are copied in and out as they are. A key holds no line
// break (keys are made of a word's letters); one that did would make its entry read as damaged,
// and its record be made again, never read wrong.
const HEAD_BYTES = 20;

function entryLength(keys: string, record: SearchRecord): number {
  return HEAD_BYTES + 9 * record.keys.length + 2 * (keys.length + record.document.length);
}

function writeEntry(keys: string, record: SearchRecord, target: Buffer, offset: number): void {
  const count = record.keys.length;
  target.writeUInt32LE(count, offset);
  target.writeUInt32LE(keys.length, offset + 4);
  target.writeUInt32LE(record.document.length, offset + 8);
  target.writeDoubleLE(record.length, offset + 12);
  let at = offset + HEAD_BYTES;
  for (let slot = 0; slot < count; slot++, at += 8)
    target.writeDoubleLE(record.frequencies[slot]!, at);
  for (let slot = 0; slot < count; slot++) target[at++] = record.inTitle[slot] ? 1 : 0;
  at += target.write(keys, at, "utf16le");
  target.write(record.document, at, "utf16le");
}

/** What an entry holds, its keys as text; `undefined` when it is damaged (it is then made anew). */
function readEntry(
  entry: Buffer,
): (Omit<SearchRecord, "code" | "keys"> & { keys: string[] }) | undefined {
  if (entry.length < HEAD_BYTES) return undefined;
  const count = entry.readUInt32LE(0);
  const keysLength = entry.readUInt32LE(4);
  const documentLength = entry.readUInt32LE(8);
  const length = entry.readDoubleLE(12);
  if (entry.length !== HEAD_BYTES + 9 * count + 2 * (keysLength + documentLength)) return undefined;
  if (!Number.isFinite(length)) return undefined;
  let at = HEAD_BYTES;
  const frequencies = new Array<number>(count);
  for (let slot = 0; slot < count; slot++, at += 8) {
    const frequency = entry.readDoubleLE(at);
    if (!Number.isFinite(frequency)) return undefined;
    frequencies[slot] = frequency;
  }
  const inTitle = new Array<boolean>(count);
  for (let slot = 0; slot < count; slot++) {
    const flag = entry[at++]!;
    if (flag > 1) return undefined;
    inTitle[slot] = flag === 1;
  }
  const keysText = entry.toString("utf16le", at, (at += 2 * keysLength));
  const keys = keysText === "" ? [] : keysText.split("\n");
  if (keys.length !== count) return undefined;
  const document = entry.toString("utf16le", at, at + 2 * documentLength);
  return { keys, frequencies, inTitle, length, document };
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
      const records: (SearchRecord | undefined)[] = articles.map(() => undefined);
      packs.readEach(keys, (index, entry) => {
        const kept = readEntry(entry);
        if (kept)
          records[index] = {
            ...kept,
            code: articles[index]!.code,
            keys: kept.keys.map((text) => keyId(options.table, text)),
          };
      });
      return articles.map((article, index) => {
        const found = records[index];
        if (found) return found;
        const record = searchRecord(article, options);
        made++;
        const keysText = record.keys.map((id) => options.table.keys[id]!).join("\n");
        packs.keep(keys[index]!, entryLength(keysText, record), (target, offset) =>
          writeEntry(keysText, record, target, offset),
        );
        return record;
      });
    },
    save() {
      savePackCache(folder, new Set(packs.used), [packs.fresh]);
    },
  };
}
