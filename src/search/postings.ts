/**
 * The postings of a search index: for each key, the articles holding it with their packed term
 * weight (src/search/format.ts), gathered from the records of src/search/records.ts.
 *
 * Millions of postings at 10,000 articles: they live in one pair of typed arrays, each key's in a
 * contiguous run, counted first and then placed (not a map of growing lists, which costs seconds).
 */
import { packPosting } from "./format.ts";
import type { KeyTable } from "./key-table.ts";
import { termWeight } from "./ranking.ts";
import type { SearchRecord } from "./records.ts";

export interface Postings {
  /** The keys some record holds, in UTF-16 code-unit order (the default sort). */
  keys: string[];
  /** A key's postings as the chunk stores them: code differences and packed weights, in pairs. */
  of(key: string): number[];
}

/** The postings of `records`, which must be in ascending news-code order, keyed in `table`. */
export function gatherPostings(records: readonly SearchRecord[], table: KeyTable): Postings {
  const keyCount = table.keys.length;
  const counts = new Int32Array(keyCount);
  let total = 0;
  for (const record of records) {
    for (const id of record.keys) counts[id]!++;
    total += record.keys.length;
  }
  const starts = new Int32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) starts[id + 1] = starts[id]! + counts[id]!;
  const next = starts.slice(0, keyCount);
  const codes = new Float64Array(total);
  const values = new Int32Array(total);
  const averageLength =
    records.reduce((sum, record) => sum + record.length, 0) / Math.max(1, records.length);
  for (const record of records) {
    const { keys, frequencies, inTitle } = record;
    for (let slot = 0; slot < keys.length; slot++) {
      const at = next[keys[slot]!]!++;
      codes[at] = record.code;
      values[at] = packPosting(
        termWeight(frequencies[slot]!, record.length, averageLength),
        inTitle[slot]!,
      );
    }
  }
  return {
    // In `npm start` the table also holds keys of articles since deleted: only those in use.
    keys: table.keys.filter((_, id) => counts[id]! > 0).sort(),
    of(key) {
      const id = table.ids.get(key);
      if (id === undefined) throw new Error(`The key table has no key ${JSON.stringify(key)}`);
      const pairs: number[] = [];
      let previous = 0;
      for (let at = starts[id]!; at < starts[id + 1]!; at++) {
        pairs.push(codes[at]! - previous, values[at]!);
        previous = codes[at]!;
      }
      return pairs;
    },
  };
}
