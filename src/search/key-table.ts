/**
 * The keys of one search index, numbered: the records of an index (src/search/records.ts) share a
 * table, so that each distinct word is turned into keys once, and the index is assembled from
 * numbers rather than strings (src/search/build-index.ts): at 10,000 articles that is millions of
 * lookups saved.
 */
import { wordKeys } from "./words.ts";

export interface KeyTable {
  /** Keys by id. */
  keys: string[];
  /** Ids by key. */
  ids: Map<string, number>;
  /** The ids of a word's keys (src/search/words.ts `wordKeys`), by word. */
  wordIds: Map<string, readonly number[]>;
  /**
   * Scratch space of `searchRecord`, by key id: where the key sits in the record being made, valid
   * when its stamp is that record's. Arrays rather than a map per article: one lookup a word.
   */
  slots: Int32Array;
  stamps: Int32Array;
  stamp: number;
}

export function createKeyTable(): KeyTable {
  return {
    keys: [],
    ids: new Map(),
    wordIds: new Map(),
    slots: new Int32Array(1024),
    stamps: new Int32Array(1024),
    stamp: 0,
  };
}

/** The id of `key`, numbered on first sight (the scratch arrays grow to hold it). */
export function keyId(table: KeyTable, key: string): number {
  let id = table.ids.get(key);
  if (id === undefined) {
    id = table.keys.length;
    table.keys.push(key);
    table.ids.set(key, id);
    if (id >= table.slots.length) {
      const slots = new Int32Array(table.slots.length * 2);
      const stamps = new Int32Array(table.stamps.length * 2);
      slots.set(table.slots);
      stamps.set(table.stamps);
      table.slots = slots;
      table.stamps = stamps;
    }
  }
  return id;
}

/** The ids of the keys a word of index text is indexed under. */
export function keyIdsOfWord(table: KeyTable, word: string): readonly number[] {
  let ids = table.wordIds.get(word);
  if (ids === undefined) {
    ids = wordKeys(word).map((key) => keyId(table, key));
    table.wordIds.set(word, ids);
  }
  return ids;
}
