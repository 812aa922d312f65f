/**
 * The word knowledge behind ZWNJ restoration: the Persian dictionary of @cspell/dict-fa-ir
 * (Apache-2.0) plus the project's reviewed lists in ./words/. Loaded lazily, once per process.
 *
 * The cspell dictionary stores words with their ZWNJ removed (تروریستها, آنها), so it says which
 * letter sequences are Persian, not where a ZWNJ belongs: the rules in zwnj.ts ask it about stems.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeTrie, type ITrie } from "cspell-trie-lib";
import { ZWNJ } from "./chars.ts";

export interface Lexicon {
  /** Whether `word`, written without ZWNJ, is a Persian word form. */
  isKnown(word: string): boolean;
  /** Fused forms that must never be split (تنها is "alone", not تن‌ها). */
  isException(word: string): boolean;
  /** The correct spelling of a compound, looked up by its fused form, if the list has it. */
  compound(fusedWord: string): string | undefined;
  /** The reading editors chose for a fused form the dictionary reads two ways (سالهای). */
  preferredReading(fusedWord: string): string | undefined;
  /** Milliseconds spent loading the dictionary and the lists. */
  loadTimeMs: number;
}

const WORD_LIST_DIRECTORY = new URL("./words/", import.meta.url);

let cached: Lexicon | undefined;

export function getLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}

function loadLexicon(): Lexicon {
  const started = performance.now();
  const trie = loadCspellTrie();
  const additions = new Set(readWordList("additions.txt").map(fuse));
  const exceptions = new Set(readWordList("exceptions.txt").map(fuse));
  const compounds = new Map(readWordList("compounds.txt").map((word) => [fuse(word), word]));
  const preferred = new Map(
    readWordList("preferred-readings.txt").map((word) => [fuse(word), word]),
  );
  return {
    isKnown: (word) => additions.has(word) || compounds.has(word) || trie.has(word),
    isException: (word) => exceptions.has(fuse(word)),
    compound: (fusedWord) => compounds.get(fusedWord),
    preferredReading: (fusedWord) => preferred.get(fusedWord),
    loadTimeMs: performance.now() - started,
  };
}

function loadCspellTrie(): ITrie {
  // The package exports only its cspell config; the trie sits next to it.
  const require = createRequire(import.meta.url);
  const packageDirectory = dirname(require.resolve("@cspell/dict-fa-ir/cspell-ext.json"));
  const compressed = readFileSync(join(packageDirectory, "fa-IR.trie.gz"));
  return decodeTrie(gunzipSync(compressed).toString("utf8"));
}

/** Entries of a word list in ./words/: one per line, `#` starts a comment line. */
export function readWordList(fileName: string): string[] {
  const text = readFileSync(new URL(fileName, WORD_LIST_DIRECTORY), "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function fuse(word: string): string {
  return word.replaceAll(ZWNJ, "");
}
