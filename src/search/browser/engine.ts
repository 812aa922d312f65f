/**
 * The search engine of the search page: plain `fetch` of the JSON files the build wrote
 * (src/search/format.ts), no WebAssembly, no worker. It runs as well in Node against a built
 * index (tests/unit/search-engine.test.ts), given a `fetch` over the files.
 *
 * A query is turned into its key (src/search/query-key.ts) and searched with each of its fused
 * alternatives, a fused one only when its fused word is indexed exactly; the results are merged,
 * each article with its best rank. Within one search:
 * - each query word matches the indexed keys it starts with (prefix matching), fetching only the
 *   chunks whose key range can hold them; a word that starts too many keys to fetch
 *   (PREFIX_CHUNK_LIMIT chunks) is matched whole only;
 * - an article must match every query word (AND);
 * - it is ranked by src/search/ranking.ts: title holding the whole query, then whole-word
 *   matches, then BM25F score, then the newer news code.
 * The manifest and each chunk are fetched once per engine, and again only after a failed fetch
 * (the page also makes a new engine after a failure, so a newly published index is picked up).
 */
import type { WordLocation } from "../excerpt.ts";
import {
  INDEX_FORMAT,
  readPostings,
  type IndexChunk,
  type IndexManifest,
  type Posting,
  type ResultDocument,
} from "../format.ts";
import { queryAlternatives, toQueryKey } from "../query-key.ts";
import { compareRanks, rarity, type Rank } from "../ranking.ts";
import { queryTerms, textWords, wordKeys } from "../words.ts";

/** What the engine needs of `fetch`. */
export type Fetcher = (url: string) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface EngineOptions {
  /** Absolute URL of the index's manifest. */
  manifestUrl: string;
  /** `fetch` by default. */
  fetch?: Fetcher;
}

/** One article found, and why. */
export interface SearchHit extends Rank {
  /** The indexed keys that matched, each with how much it counts: the excerpt marks their words. */
  keys: ReadonlyMap<string, number>;
}

/** What a result shows: its result document and the words of its content that matched. */
export interface SearchResult extends ResultDocument {
  code: number;
  locations: WordLocation[];
}

export interface SearchEngine {
  /** Fetch the manifest, so the first search starts sooner. */
  prepare(): Promise<void>;
  /** The articles matching `query` as the reader typed it, best first. */
  search(query: string): Promise<SearchHit[]>;
  /** Whether `key` is an indexed key, exactly. */
  has(key: string): Promise<boolean>;
  /** The result document of a hit, with the positions of its matched words. */
  load(hit: SearchHit): Promise<SearchResult>;
}

/** A query word whose prefix range spans more chunks than this is matched as a whole word only. */
export const PREFIX_CHUNK_LIMIT = 3;
/** How much a prefix match counts against a whole-word match, in the score and the excerpt. */
export const PREFIX_FACTOR = 0.5;

interface Chunk {
  keys: string[];
  postings: number[][];
  /** Postings unpacked on first use, by key index. */
  read: Map<number, Posting[]>;
}

/** One indexed key a query word matched. */
interface KeyMatch {
  key: string;
  exact: boolean;
  postings: Posting[];
}

/** How one article matched one query word. */
interface WordMatch {
  score: number;
  inTitle: boolean;
  exact: boolean;
  keys: [key: string, weight: number][];
}

function isManifest(value: unknown): value is IndexManifest {
  const manifest = value as Partial<IndexManifest> | null;
  return (
    typeof manifest === "object" &&
    manifest !== null &&
    manifest.format === INDEX_FORMAT &&
    typeof manifest.documents === "number" &&
    typeof manifest.chunkPath === "string" &&
    typeof manifest.documentPath === "string" &&
    Array.isArray(manifest.chunks)
  );
}

function isChunk(value: unknown): value is IndexChunk {
  const chunk = value as Partial<IndexChunk> | null;
  return (
    typeof chunk === "object" &&
    chunk !== null &&
    Array.isArray(chunk.keys) &&
    Array.isArray(chunk.postings) &&
    chunk.keys.length === chunk.postings.length
  );
}

function isResultDocument(value: unknown): value is ResultDocument {
  const document = value as Partial<ResultDocument> | null;
  return (
    typeof document === "object" &&
    document !== null &&
    typeof document.url === "string" &&
    typeof document.headline === "string" &&
    typeof document.content === "string" &&
    typeof document.titleWords === "number"
  );
}

/** The first index in [0, length) for which `isAfter` holds, or `length`; `isAfter` must be monotone. */
function firstIndex(length: number, isAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfter(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function createSearchEngine(options: EngineOptions): SearchEngine {
  const fetcher: Fetcher = options.fetch ?? ((url) => fetch(url));
  let manifest: Promise<IndexManifest> | undefined;
  const chunks = new Map<string, Promise<Chunk>>();
  const keysOfWord = new Map<string, string[]>();

  async function fetchJson(url: string): Promise<unknown> {
    const response = await fetcher(url);
    if (!response.ok) throw new Error(`Search index: ${url} answered ${response.status}`);
    return response.json();
  }

  function loadManifest(): Promise<IndexManifest> {
    if (!manifest) {
      const loading = fetchJson(options.manifestUrl).then((value) => {
        if (!isManifest(value))
          throw new Error(
            `Search index: ${options.manifestUrl} is not a format ${INDEX_FORMAT} manifest`,
          );
        return value;
      });
      // A failed fetch may succeed later (the connection came back).
      loading.catch(() => {
        if (manifest === loading) manifest = undefined;
      });
      manifest = loading;
    }
    return manifest;
  }

  function loadChunk(index: IndexManifest, position: number): Promise<Chunk> {
    const url = new URL(index.chunkPath + index.chunks[position]![2], options.manifestUrl).href;
    let chunk = chunks.get(url);
    if (!chunk) {
      chunk = fetchJson(url).then((value) => {
        if (!isChunk(value)) throw new Error(`Search index: ${url} is not an index chunk`);
        return { keys: value.keys, postings: value.postings, read: new Map() };
      });
      // A failed fetch may succeed later (the connection came back).
      chunk.catch(() => chunks.delete(url));
      chunks.set(url, chunk);
    }
    return chunk;
  }

  function postingsAt(chunk: Chunk, position: number): Posting[] {
    let postings = chunk.read.get(position);
    if (!postings) chunk.read.set(position, (postings = readPostings(chunk.postings[position]!)));
    return postings;
  }

  /** The indexed keys `term` matches: itself and, with `prefix`, every key it starts. */
  async function keyMatches(term: string, prefix: boolean): Promise<KeyMatch[]> {
    const index = await loadManifest();
    const list = index.chunks;
    // Keys starting with `term` are the keys in [term, term + U+FFFF): one run of sorted keys.
    const end = term + "\uFFFF";
    const first = firstIndex(list.length, (position) => list[position]![1] >= term);
    let last = first;
    while (last < list.length && (prefix ? list[last]![0] < end : list[last]![0] <= term)) last++;
    if (prefix && last - first > PREFIX_CHUNK_LIMIT) return keyMatches(term, false);
    const loaded = await Promise.all(
      Array.from({ length: last - first }, (_, offset) => loadChunk(index, first + offset)),
    );
    const matches: KeyMatch[] = [];
    for (const chunk of loaded) {
      const keys = chunk.keys;
      for (
        let position = firstIndex(keys.length, (candidate) => keys[candidate]! >= term);
        position < keys.length && keys[position]!.startsWith(term);
        position++
      ) {
        const exact = keys[position] === term;
        if (exact || prefix)
          matches.push({ key: keys[position]!, exact, postings: postingsAt(chunk, position) });
        if (!prefix) break;
      }
    }
    return matches;
  }

  /** How each article containing a key `term` matches counts for that word. */
  async function matchWord(term: string, documents: number): Promise<Map<number, WordMatch>> {
    const byCode = new Map<number, WordMatch>();
    for (const { key, exact, postings } of await keyMatches(term, true)) {
      const weight = rarity(documents, postings.length) * (exact ? 1 : PREFIX_FACTOR);
      for (const posting of postings) {
        const score = weight * posting.weight;
        const known = byCode.get(posting.code);
        if (!known) {
          byCode.set(posting.code, {
            score,
            inTitle: posting.inTitle,
            exact,
            keys: [[key, weight]],
          });
        } else {
          known.score = Math.max(known.score, score);
          known.inTitle ||= posting.inTitle;
          known.exact ||= exact;
          known.keys.push([key, weight]);
        }
      }
    }
    return byCode;
  }

  /** The articles holding every one of `terms`, ranked. */
  async function searchTerms(terms: readonly string[]): Promise<SearchHit[]> {
    const unique = [...new Set(terms)];
    if (!unique.length) return [];
    const { documents } = await loadManifest();
    const words = await Promise.all(unique.map((term) => matchWord(term, documents)));
    // AND: walk the rarest word's articles and keep those every other word has.
    const [rarest, ...others] = [...words].sort((a, b) => a.size - b.size);
    const hits: SearchHit[] = [];
    for (const [code, match] of rarest!) {
      const all = [match];
      for (const other of others) {
        const found = other.get(code);
        if (!found) break;
        all.push(found);
      }
      if (all.length < words.length) continue;
      const keys = new Map<string, number>();
      for (const { keys: matched } of all)
        for (const [key, weight] of matched) keys.set(key, Math.max(weight, keys.get(key) ?? 0));
      hits.push({
        code,
        score: all.reduce((sum, word) => sum + word.score, 0),
        titleHoldsQuery: all.every((word) => word.inTitle),
        exact: all.every((word) => word.exact),
        keys,
      });
    }
    return hits;
  }

  async function has(key: string): Promise<boolean> {
    return (await keyMatches(key, false)).length > 0;
  }

  return {
    async prepare() {
      await loadManifest();
    },

    has,

    async search(query) {
      const key = toQueryKey(query);
      if (!key) return [];
      const searches = await Promise.all(
        queryAlternatives(key).map(async ({ query: alternative, fused }) =>
          // A fused alternative counts only when its fused word is an indexed word.
          fused !== undefined && !(await has(fused)) ? [] : searchTerms(queryTerms(alternative)),
        ),
      );
      const best = new Map<number, SearchHit>();
      for (const hits of searches) {
        for (const hit of hits) {
          const known = best.get(hit.code);
          if (!known || compareRanks(hit, known) < 0) best.set(hit.code, hit);
        }
      }
      return [...best.values()].sort(compareRanks);
    },

    async load(hit) {
      const index = await loadManifest();
      const url = new URL(`${index.documentPath}${hit.code}.json`, options.manifestUrl).href;
      const document = await fetchJson(url);
      if (!isResultDocument(document))
        throw new Error(`Search index: ${url} is not a result document`);
      const locations: WordLocation[] = [];
      textWords(document.content).forEach((word, location) => {
        let keys = keysOfWord.get(word);
        if (!keys) keysOfWord.set(word, (keys = wordKeys(word)));
        let score = 0;
        for (const key of keys) score = Math.max(score, hit.keys.get(key) ?? 0);
        if (score > 0) locations.push({ location, score });
      });
      return { ...document, code: hit.code, locations };
    },
  };
}
