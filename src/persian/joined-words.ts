/**
 * Two neighbouring words that are one word written apart: a verb prefix and its verb
 * (می رود → می‌رود), a word and its suffix (تروریست ها → تروریست‌ها، بزرگ ترین → بزرگ‌ترین،
 * کرده اند → کرده‌اند). Every join is backed by the lexicon.
 */
import { endsWithJoiningLetter, ZWNJ } from "./chars.ts";
import { BoundedCache } from "./bounded-cache.ts";
import {
  endsWithSilentHeh,
  isVerbForm,
  MIN_STEM_LENGTH,
  PLURAL_SUFFIXES,
  VERB_PREFIXES,
} from "./fused-words.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Confidence } from "./text-edits.ts";

/** How two words written apart are written as one. */
export interface JoinedSpelling {
  text: string;
  rule: string;
  /** Absent for a sure join. */
  confidence?: Confidence;
}

const SEPARABLE_SUFFIXES = new Set([...PLURAL_SUFFIXES, "ترین"]);
const SEPARABLE_AFTER_SILENT_HEH = new Set(["اند", "ایم", "اید", "ام", "ای"]);
// Every second word findJoinedSpelling may join, «تر» of its comparative rule included.
const JOINS_WORD_BEFORE = new Set([...SEPARABLE_SUFFIXES, "تر", ...SEPARABLE_AFTER_SILENT_HEH]);

/**
 * Whether `first` + `second` may be joined at all: one must be a verb prefix first or a suffix
 * second. Neighbouring words are nearly never either, so they need no rule and no memo entry.
 */
export function mayJoin(first: string, second: string): boolean {
  return isJoinedAsFirst(first) || isJoinedAsSecond(second);
}

/** Whether `word` is a verb prefix written apart from its verb (می، نمی). */
export function isJoinedAsFirst(word: string): boolean {
  return VERB_PREFIXES.includes(word);
}

/** Whether `word` is a suffix that may be written apart from the word before it (ها، ترین، اند). */
export function isJoinedAsSecond(word: string): boolean {
  return JOINS_WORD_BEFORE.has(word);
}

const joinedSpellings = new WeakMap<Lexicon, BoundedCache<string, JoinedSpelling | undefined>>();
const JOINED_SPELLINGS_PER_GENERATION = 100_000;

/**
 * The spelling of `first` and `second` as one word, or `undefined` when they stay apart.
 * Remembered per lexicon: a text asks it for every word before a suffix.
 */
export function joinedSpelling(
  first: string,
  second: string,
  lexicon: Lexicon,
): JoinedSpelling | undefined {
  if (!mayJoin(first, second)) return undefined;
  let known = joinedSpellings.get(lexicon);
  if (!known)
    joinedSpellings.set(lexicon, (known = new BoundedCache(JOINED_SPELLINGS_PER_GENERATION)));
  return known.get(`${first} ${second}`, () => findJoinedSpelling(first, second, lexicon));
}

/** The rules behind `joinedSpelling`, unfiltered and unremembered: tests compare the two. */
export function findJoinedSpelling(
  first: string,
  second: string,
  lexicon: Lexicon,
): JoinedSpelling | undefined {
  if (second.includes(ZWNJ)) return undefined;
  const glue = endsWithJoiningLetter(first) ? ZWNJ : "";
  if (VERB_PREFIXES.includes(first) && isVerbForm(second, lexicon)) {
    return { text: first + ZWNJ + second, rule: "zwnj-verb-prefix" };
  }
  if (lexicon.isException(first + second)) return undefined;
  if (SEPARABLE_SUFFIXES.has(second) && !VERB_PREFIXES.includes(first)) {
    return {
      text: first + glue + second,
      rule: second === "ترین" ? "zwnj-comparative" : "zwnj-plural",
    };
  }
  // «تر» alone is also the adjective "wet" (لباس تر): join only an adjective the dictionary
  // compares, and leave the decision to an editor.
  if (
    second === "تر" &&
    lexicon.isKnown(`${first}تر`) &&
    lexicon.isKnown(`${first}ترین`) &&
    !lexicon.isKnown(`${first}تران`)
  ) {
    return { text: first + glue + second, rule: "zwnj-comparative", confidence: "low" };
  }
  if (
    SEPARABLE_AFTER_SILENT_HEH.has(second) &&
    endsWithSilentHeh(first) &&
    first.length > MIN_STEM_LENGTH
  ) {
    return { text: first + ZWNJ + second, rule: "zwnj-after-heh" };
  }
  return undefined;
}
