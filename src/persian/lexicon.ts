/**
 * The word knowledge behind ZWNJ restoration: the Persian dictionary of @cspell/dict-fa-ir
 * (Apache-2.0) plus the project's reviewed lists in ./words/. Loaded lazily, once per process;
 * the dictionary's trie comes from a binary cache after the first process (dictionary-cache.ts).
 *
 * The cspell dictionary stores words with their ZWNJ removed (تروریستها, آنها), so it says which
 * letter sequences are Persian, not where a ZWNJ belongs: the rules in zwnj.ts ask it about stems.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ZWNJ } from "./chars.ts";
import {
  faIrDictionarySource,
  loadDictionaryTrie,
  trieDecoderVersion,
} from "./dictionary-cache.ts";

export interface Lexicon {
  /** Whether `word`, written without ZWNJ, is a Persian word form. */
  isKnown(word: string): boolean;
  /** Fused forms that must never be split (تنها is "alone", not تن‌ها). */
  isException(word: string): boolean;
  /** The correct spelling of a compound, looked up by its fused form, if the list has it. */
  compound(fusedWord: string): string | undefined;
  /** Every fused form `compound()` knows, so that rules can tell which words may begin one. */
  fusedCompounds: readonly string[];
  /** The reading editors chose for a fused form the dictionary reads two ways (سالهای). */
  preferredReading(fusedWord: string): string | undefined;
  /** Milliseconds spent loading the dictionary and the lists. */
  loadTimeMs: number;
}

const WORD_LIST_DIRECTORY = new URL("./words/", import.meta.url);

/**
 * What the lexicon is made of, for caches of what the rules found with it: the dictionary, every
 * word list in ./words/ (a list added later is counted without being named here), and the version
 * of the dictionary's decoder.
 */
export function lexiconSources(): { files: string[]; decoder: string } {
  const folder = fileURLToPath(WORD_LIST_DIRECTORY);
  const lists = readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => path.join(folder, name));
  return {
    files: [faIrDictionarySource().compressedTrie, ...lists],
    decoder: `cspell-trie-lib@${trieDecoderVersion ?? "unknown"}`,
  };
}

let cached: Lexicon | undefined;

export function getLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}

function loadLexicon(): Lexicon {
  const started = performance.now();
  const trie = loadDictionaryTrie(faIrDictionarySource());
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
    fusedCompounds: [...compounds.keys()],
    preferredReading: (fusedWord) => preferred.get(fusedWord),
    loadTimeMs: performance.now() - started,
  };
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
  // Asked for most words the rules look at, nearly all without a ZWNJ: no new string for those.
  return word.includes(ZWNJ) ? word.replaceAll(ZWNJ, "") : word;
}
