/**
 * The search index of a set of articles, as files: one pure, synchronous function of plain data
 * (`buildSearchIndex`), with nothing of Eleventy, the DOM or the file system, so it can run in a
 * worker thread beside page rendering. src/search/index-site.ts writes its files into a built
 * site. The format is described in src/search/format.ts, the ranking in src/search/ranking.ts.
 *
 * Two builds of the same articles give the same bytes, in any order, time zone or locale: records
 * are taken in news-code order, keys in UTF-16 code-unit order, and nothing holds a time.
 */
import { createHash } from "node:crypto";
import { INDEX_FORMAT, type IndexManifest } from "./format.ts";
import { rememberedIndexText } from "./index-text.ts";
import { SEARCH_CHUNKS_PATH, SEARCH_DOCUMENTS_PATH, SEARCH_MANIFEST_PATH } from "./paths.ts";
import { gatherPostings, type Postings } from "./postings.ts";
import { createKeyTable, type KeyTable } from "./key-table.ts";
import type { RecordCache } from "./record-cache.ts";
import { searchRecord, type SearchArticle, type SearchRecord } from "./records.ts";

/**
 * Postings bytes per chunk the builder aims at (a chunk is closed at the first key that reaches
 * it; one key's postings are never split). Measured on an archive of 10,000 articles with a
 * newsroom's vocabulary (README, "Search"): chunks of about 8 KB gzipped and a 13 KB manifest, so
 * a first search of one or two words costs 21–30 KB, less than with 16 or 64 KB.
 */
export const CHUNK_TARGET_BYTES = 32 * 1024;

export interface SearchIndexInput {
  articles: readonly SearchArticle[];
  /** Postings bytes per chunk; CHUNK_TARGET_BYTES by default. */
  chunkTargetBytes?: number;
  /** Records kept by earlier builds (src/search/record-cache.ts); all are made without it. */
  cache?: RecordCache;
}

/** A file of the index: its path relative to the site's output folder (`search/index.json`). */
export interface SearchIndexFile {
  path: string;
  content: string;
}

export interface SearchIndexBuildStats {
  /** Articles indexed. */
  pages: number;
  /** Distinct keys. */
  keys: number;
  /** Files and their bytes (UTF-8), and of those the chunks, result documents and manifest. */
  files: number;
  bytes: number;
  chunks: number;
  chunkBytes: number;
  documentBytes: number;
  manifestBytes: number;
  /** Milliseconds on the records: made (index text), or read from the cache (src/search/record-cache.ts). */
  textMs: number;
  /** Of the records, how many were made rather than taken from the cache. */
  recordsMade: number;
  /** Milliseconds of the whole function. */
  ms: number;
}

export interface SearchIndexOutput {
  /** Sorted by path. */
  files: SearchIndexFile[];
  stats: SearchIndexBuildStats;
}

/** Build the search index of `input.articles` (those to publish: drafts are the caller's business). */
export function buildSearchIndex(input: SearchIndexInput): SearchIndexOutput {
  const started = performance.now();
  const table = createKeyTable();
  const nameText = rememberedIndexText();
  const { cache } = input;
  const records = cache
    ? cache.records(input.articles, { table, nameText })
    : input.articles.map((article) => searchRecord(article, { table, nameText }));
  const textMs = performance.now() - started;
  return assembleSearchIndex(records, table, {
    chunkTargetBytes: input.chunkTargetBytes,
    started,
    textMs,
    recordsMade: cache ? cache.made : records.length,
  });
}

export interface AssembleOptions {
  chunkTargetBytes?: number;
  /** For the stats: when the build started (performance.now()), how long the records took, how many were made. */
  started?: number;
  textMs?: number;
  recordsMade?: number;
}

/**
 * The index files of records made by `searchRecord` (src/search/records.ts) with `table`, in any
 * order. Throws when two records share a news code.
 */
export function assembleSearchIndex(
  records: readonly SearchRecord[],
  table: KeyTable,
  options: AssembleOptions = {},
): SearchIndexOutput {
  const started = options.started ?? performance.now();
  const chunkTarget = options.chunkTargetBytes ?? CHUNK_TARGET_BYTES;
  if (!Number.isInteger(chunkTarget) || chunkTarget <= 0)
    throw new RangeError(`chunkTargetBytes must be a positive whole number, got ${chunkTarget}`);
  const sorted = [...records].sort((a, b) => a.code - b.code);
  for (let index = 0; index < sorted.length; index++) {
    const { code } = sorted[index]!;
    if (!Number.isSafeInteger(code) || code <= 0)
      throw new RangeError(`A news code must be a positive whole number, got ${code}`);
    if (index > 0 && sorted[index - 1]!.code === code)
      throw new Error(`Two articles share the news code ${code}: the index names results by it`);
  }

  const postings = gatherPostings(sorted, table);
  const chunks = cutChunks(postings, chunkTarget);
  const files: SearchIndexFile[] = chunks.map((chunk) => ({
    path: `${SEARCH_CHUNKS_PATH.slice(1)}${chunk.file}`,
    content: chunk.content,
  }));
  const chunkBytes = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.content), 0);

  let documentBytes = 0;
  for (const record of sorted) {
    files.push({
      path: `${SEARCH_DOCUMENTS_PATH.slice(1)}${record.code}.json`,
      content: record.document,
    });
    documentBytes += Buffer.byteLength(record.document);
  }

  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    documents: sorted.length,
    chunkPath: relativePath(SEARCH_MANIFEST_PATH, SEARCH_CHUNKS_PATH),
    documentPath: relativePath(SEARCH_MANIFEST_PATH, SEARCH_DOCUMENTS_PATH),
    chunks: chunks.map((chunk) => [chunk.first, chunk.last, chunk.file]),
  };
  const manifestContent = JSON.stringify(manifest);
  files.push({ path: SEARCH_MANIFEST_PATH.slice(1), content: manifestContent });
  const manifestBytes = Buffer.byteLength(manifestContent);

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files,
    stats: {
      pages: sorted.length,
      keys: postings.keys.length,
      files: files.length,
      bytes: chunkBytes + documentBytes + manifestBytes,
      chunks: chunks.length,
      chunkBytes,
      documentBytes,
      manifestBytes,
      textMs: options.textMs ?? 0,
      recordsMade: options.recordsMade ?? sorted.length,
      ms: performance.now() - started,
    },
  };
}

interface Chunk {
  first: string;
  last: string;
  /** `chunk.<hash>.json`. */
  file: string;
  content: string;
}

/** Cut the keys into chunks of about `target` bytes, in key order, each named by its content. */
function cutChunks(postings: Postings, target: number): Chunk[] {
  const chunks: Chunk[] = [];
  let keys: string[] = [];
  let serialised: string[] = [];
  let size = 0;
  const close = () => {
    // The same text as JSON.stringify of the chunk, from postings serialised once.
    const content = `{"keys":${JSON.stringify(keys)},"postings":[${serialised.join(",")}]}`;
    const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
    chunks.push({ first: keys[0]!, last: keys.at(-1)!, file: `chunk.${hash}.json`, content });
    keys = [];
    serialised = [];
    size = 0;
  };
  for (const key of postings.keys) {
    const text = JSON.stringify(postings.of(key));
    keys.push(key);
    serialised.push(text);
    // Bytes in UTF-8: the postings are ASCII, Persian letters take two.
    size += text.length + 2 * key.length + 4;
    if (size >= target) close();
  }
  if (keys.length) close();
  return chunks;
}

/** The URL of the folder `to` relative to the file `from`, both site paths: `../assets/x/`. */
function relativePath(from: string, to: string): string {
  const fromParts = from.split("/").slice(1, -1);
  const toParts = to.split("/").slice(1, -1);
  let shared = 0;
  while (shared < fromParts.length && fromParts[shared] === toParts[shared]) shared++;
  const up = fromParts.slice(shared).map(() => "..");
  return [...up, ...toParts.slice(shared), ""].join("/");
}
