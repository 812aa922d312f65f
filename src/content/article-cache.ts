/**
 * Checked articles kept between builds, as the typography lint keeps its findings
 * (src/persian/lint-cache.ts): a file with the same name and bytes, checked by the same code, gives
 * the same article and the same problems. Reading, validating and rendering the archive was a
 * third of a large build's CPU time (10,000 articles: 4.5 s over two threads, bench/HISTORY.md);
 * taking an unchanged file's result from here costs a hash of its bytes and the reading of its
 * entry, a sixth of that.
 *
 * An entry is keyed by the SHA-256 of the file's name and bytes and holds the result in V8's
 * serialisation (what a worker's message is made of, so an entry is exactly what a load worker
 * posts: dates, absent fields and all). Entries live in a folder per version of the code
 * (article-cache-folder.mjs), in packs (src/pack-cache.ts).
 *
 * Each thread of a parallel load reads the packs it needs itself; the entries it had to make go
 * back to the main thread with its results, and the main thread alone writes (`saveArticleCache`).
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { openPackCache, savePackCache, type FreshEntries } from "../pack-cache.ts";
import type { CheckedFile } from "./load-articles.ts";

export type { FreshEntries };

export interface ArticleCache {
  /**
   * What checking the file `file` (its name as reports give it) with these bytes gives: a kept
   * result, or `check`'s (given the bytes as UTF-8 text), kept for `saveArticleCache`.
   * `bytesKey` is the hash of the bytes (src/persian/content-key.ts), which the caller has anyway:
   * the entry's key is made from it and the name, so the bytes are hashed once.
   */
  checked(
    file: string,
    bytes: Buffer,
    bytesKey: string,
    check: (source: string) => CheckedFile,
  ): CheckedFile;
  /** The keys this thread asked for: what the next build will ask for again. */
  readonly used: readonly string[];
  /** The entries this thread had to make, one per file it checked. */
  readonly fresh: FreshEntries;
  /** Close the files `checked` keeps open (src/pack-cache.ts); call it when the load is done. */
  close(): void;
}

/** The cache in `folder`, read as entries are asked for. Never throws. */
export function openArticleCache(folder: string): ArticleCache {
  const packs = openPackCache(folder);
  return {
    used: packs.used,
    fresh: packs.fresh,
    close: () => packs.close(),
    checked(file, bytes, bytesKey, check) {
      const key = createHash("sha256").update(file).update("\0").update(bytesKey).digest("hex");
      const kept = readEntry(packs.read(key));
      if (kept) return kept;
      const result = check(bytes.toString("utf8"));
      const entry = serialize(result);
      // Buffer's copy, not Uint8Array's set: measured, 10,000 entries of 10 KB took 14 ms against
      // 215–250 ms with set.
      packs.keep(key, entry.length, (target, offset) => entry.copy(target, offset));
      return result;
    },
  };
}

function readEntry(entry: Uint8Array | undefined): CheckedFile | undefined {
  if (!entry) return undefined;
  try {
    const value: unknown = deserialize(entry);
    return isCheckedFile(value) ? value : undefined;
  } catch {
    // A damaged entry: the file is checked again, and the entry made anew.
    return undefined;
  }
}

function isCheckedFile(value: unknown): value is CheckedFile {
  const candidate = value as Partial<CheckedFile> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    Array.isArray(candidate.problems) &&
    typeof candidate.codeLine === "number" &&
    (candidate.article === undefined ||
      (typeof candidate.article === "object" && candidate.article.date instanceof Date))
  );
}

/**
 * Keep the entries a load made (`fresh`, from every thread) for the next build, with the entries
 * of this build's files (`used`, from every thread): src/pack-cache.ts `savePackCache`.
 */
export const saveArticleCache = savePackCache;
