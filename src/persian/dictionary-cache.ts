/**
 * The cspell fa-IR dictionary as a trie, decoded once per machine rather than once per process.
 * Its published form is a gzipped text format that cspell-trie-lib decodes in 150–350 ms; the very
 * same trie written in cspell's binary format (BTrie) decodes in about 25 ms. Every build decodes
 * it at least twice (the typography lint in its worker, the search index in the main thread), as
 * does every test file that uses it, so the binary form is kept in node_modules/.cache/, as the
 * font subsets are, under a key of the dictionary's bytes and the decoder's version.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeTrie, encodeITrieToBTrie, type ITrie } from "cspell-trie-lib";
import { writeFileAtomically } from "../write-atomically.ts";

const require = createRequire(import.meta.url);

/** Where the trie comes from and where its binary form may be kept. */
export interface DictionarySource {
  /** The gzipped cspell trie (`*.trie.gz`). */
  compressedTrie: string;
  /** Folder for the binary form; `undefined` decodes the text form every time. */
  cacheDirectory: string | undefined;
}

/** The fa-IR dictionary of @cspell/dict-fa-ir, with its cache beside the other build caches. */
export function faIrDictionarySource(): DictionarySource {
  // The package exports only its cspell config; the trie sits next to it.
  const packageDirectory = path.dirname(require.resolve("@cspell/dict-fa-ir/cspell-ext.json"));
  const nodeModules = path.resolve(packageDirectory, "..", "..");
  return {
    compressedTrie: path.join(packageDirectory, "fa-IR.trie.gz"),
    cacheDirectory: path.join(nodeModules, ".cache", "sarkhat-dictionary"),
  };
}

// Part of the cache key: another decoder may write (and read) the binary form differently.
const DECODER_VERSION = installedVersion("cspell-trie-lib");

/** The installed version of the trie decoder, for caches of what was read with it. */
export const trieDecoderVersion: string | undefined = DECODER_VERSION;

// cspell-trie-lib exports neither its package.json nor a CommonJS entry, so it is found where
// Node would look for it.
function installedVersion(name: string): string | undefined {
  for (const directory of require.resolve.paths(name) ?? []) {
    try {
      const manifest = readFileSync(path.join(directory, name, "package.json"), "utf8");
      return (JSON.parse(manifest) as { version: string }).version;
    } catch {
      // Not installed in this folder: try the next one up.
    }
  }
  return undefined;
}

const DIGEST_BYTES = 32;

/**
 * The dictionary's trie: from the binary cache when it holds this dictionary, else decoded from
 * the text form and cached for the next process. A cache that cannot be read or written (a
 * read-only node_modules, a damaged file) only costs the slower decoding.
 */
export function loadDictionaryTrie(source: DictionarySource): ITrie {
  const compressed = readFileSync(source.compressedTrie);
  if (source.cacheDirectory === undefined || DECODER_VERSION === undefined)
    return decodeTextTrie(compressed);
  const key = createHash("sha256")
    .update(compressed)
    .update(`\0cspell-trie-lib@${DECODER_VERSION}`)
    .digest("hex")
    .slice(0, 20);
  const file = path.join(
    source.cacheDirectory,
    `${path.basename(source.compressedTrie)}.${key}.btrie`,
  );
  const cached = readCachedTrie(file);
  if (cached) return cached;
  const trie = decodeTextTrie(compressed);
  writeCachedTrie(file, encodeITrieToBTrie(trie));
  return trie;
}

function decodeTextTrie(compressed: Buffer): ITrie {
  return decodeTrie(gunzipSync(compressed).toString("utf8"));
}

// The file is the SHA-256 of the binary trie, then the binary trie: a truncated or damaged file
// is refused rather than read as a smaller dictionary.
function readCachedTrie(file: string): ITrie | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const digest = bytes.subarray(0, DIGEST_BYTES);
  const body = bytes.subarray(DIGEST_BYTES);
  if (bytes.length <= DIGEST_BYTES || !createHash("sha256").update(body).digest().equals(digest))
    return undefined;
  try {
    // A copy of its own: the decoder may lay typed arrays over the bytes, which need an aligned start.
    return decodeTrie(new Uint8Array(body));
  } catch {
    return undefined;
  }
}

function writeCachedTrie(file: string, body: Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // A process starting beside this one never reads half a file.
    writeFileAtomically(file, Buffer.concat([createHash("sha256").update(body).digest(), body]));
  } catch {
    // A read-only or full disk: the next process decodes the text form again, nothing worse.
  }
}
