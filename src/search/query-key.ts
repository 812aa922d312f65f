/**
 * Search keys without the dictionary: what the browser can compute from a query.
 *
 * The build writes the index from text whose ZWNJs the dictionary restored (src/search/index-text.ts)
 * and Pagefind drops every ZWNJ from the words it indexes, so an indexed word is its fused form:
 * «تروریست‌ها» is indexed as «تروریستها». A query reaches the same word by folding letters and
 * digits the way `toMatchKey` (src/persian/match-key.ts) does, removing its ZWNJs, and joining
 * affixes typed as separate words («تروریست ها»، «می رسد») by the rules of `joinSeparatedAffixes`,
 * which the build applies to the indexed text too, so both sides agree by construction.
 * What only the dictionary knows (compounds such as «بین المللی») is covered by searching the
 * query's adjacent words fused as well (`queryAlternatives`). See README, "Search".
 *
 * Pure and small: this module is bundled into the search page's script.
 */
import { endsWithJoiningLetter, LETTER, ZWNJ } from "../persian/chars.ts";

// Marks that change how a word looks, not which word it is (as in match-key.ts): harakat,
// superscript alef, tatweel, and invisible joiners and direction marks left by copy and paste.
const INVISIBLE_OR_VOWEL_MARKS =
  /[\u064B-\u065F\u0670\u0640\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/gu;

// Arabic letters Persian writes otherwise, and hamza seats written both ways (رئیس/رییس).
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  "\u064A": "ی",
  "\u0649": "ی",
  "\u0643": "ک",
  أ: "ا",
  إ: "ا",
  ٱ: "ا",
  ؤ: "و",
  ئ: "ی",
  ۀ: "ه",
};
const FOLDED_LETTERS = /[\u064A\u0649\u0643أإٱؤئۀ]/gu;

const PERSIAN_AND_ARABIC_DIGITS = /[۰-۹٠-٩]/gu;

/** Plural and possessive endings that follow any word: کشورها، تروریست‌هایشان. */
export const PLURAL_SUFFIXES: readonly string[] = [
  "ها",
  "های",
  "هایی",
  "هایم",
  "هایت",
  "هایش",
  "هاست",
  "هایمان",
  "هایتان",
  "هایشان",
];
/** Comparative and superlative endings: بزرگ‌تر، بزرگ‌ترین. */
export const COMPARATIVE_SUFFIXES: readonly string[] = ["تر", "تری", "ترین"];
/** Endings written apart only after a silent ه: کرده‌اند، خانه‌اش، نامه‌ای. */
export const SUFFIXES_AFTER_SILENT_HEH: readonly string[] = [
  "اند",
  "ایم",
  "اید",
  "ام",
  "ای",
  "اش",
  "ات",
];
/** Verb prefixes joined to the verb after them: می‌رسد، نمی‌توان. */
export const VERB_PREFIXES: readonly string[] = ["می", "نمی"];

const ANY_WORD_SUFFIXES = new Set([...PLURAL_SUFFIXES, ...COMPARATIVE_SUFFIXES]);
const HEH_SUFFIXES = new Set(SUFFIXES_AFTER_SILENT_HEH);
// As in src/persian/fused-words.ts: a suffix needs a stem of at least two letters.
const MIN_STEM_LENGTH = 2;

const PERSIAN_WORD = new RegExp(`[${LETTER}]+(?:\\u200C[${LETTER}]+)*`, "gu");
const ENDS_WITH_PERSIAN_LETTER = new RegExp(`[${LETTER}]$`, "u");

/**
 * Letters and digits as the match key has them: NFKC (presentation forms, full-width Latin),
 * Persian ی ک for Arabic ي ى ك, hamza seats folded (أ إ ٱ → ا، ؤ → و، ئ → ی، ۀ → ه), no
 * harakat, tatweel or invisible marks, ASCII digits, whitespace collapsed. ZWNJs and letter case
 * are kept. Throws a TypeError naming the value when `text` is not a string.
 */
export function foldSearchText(text: string): string {
  if (typeof text !== "string")
    throw new TypeError(`foldSearchText expects a string, got ${typeof text}: ${String(text)}`);
  return text
    .normalize("NFKC")
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter]!)
    .replace(INVISIBLE_OR_VOWEL_MARKS, "")
    .replace(PERSIAN_AND_ARABIC_DIGITS, (digit) => String(digitValue(digit)))
    .replace(/\s+/gu, " ")
    .trim();
}

function digitValue(digit: string): number {
  const code = digit.charCodeAt(0);
  return code >= 0x06f0 ? code - 0x06f0 : code - 0x0660;
}

/** ه after ا، آ، و or ه is voiced (راه، کوه) and takes its endings fused; otherwise it is silent. */
export function endsWithSilentHeh(word: string): boolean {
  return word.endsWith("ه") && !/[اآوه]ه$/u.test(word);
}

function fusedLength(word: string): number {
  return word.replaceAll(ZWNJ, "").length;
}

/** Whether `suffix`, typed as a word of its own after `word`, belongs to it. */
function joinsAsSuffix(word: string, suffix: string): boolean {
  if (!ENDS_WITH_PERSIAN_LETTER.test(word) || VERB_PREFIXES.includes(word)) return false;
  if (ANY_WORD_SUFFIXES.has(suffix)) return fusedLength(word) >= MIN_STEM_LENGTH;
  return HEH_SUFFIXES.has(suffix) && endsWithSilentHeh(word) && fusedLength(word) > MIN_STEM_LENGTH;
}

/** How a joined affix is glued: nothing for a key, a ZWNJ where the letters would join for text. */
export type Glue = (left: string, right: string) => string;

/** Keys have no ZWNJ at all. */
export const fused: Glue = () => "";

/** Readable text: a ZWNJ after a prefix and after a letter that would join the suffix. */
export const withZwnj: Glue = (left) =>
  VERB_PREFIXES.includes(left) || endsWithJoiningLetter(left) ? ZWNJ : "";

/**
 * Join affixes typed as words of their own to their word, without a dictionary: plural and
 * comparative endings to the word before (تروریست ها → تروریستها), endings after a silent ه to it
 * (کرده اند، خانه اش), and می/نمی to the word after (می رسد). Only Persian words separated by
 * spaces alone are joined; punctuation between two words keeps them apart.
 */
export function joinSeparatedAffixes(text: string, glue: Glue): string {
  let result = "";
  let cursor = 0;
  // The last word written to `result`, which a following affix may join.
  let previous: string | undefined;
  for (const match of text.matchAll(PERSIAN_WORD)) {
    const word = match[0];
    const gap = text.slice(cursor, match.index);
    cursor = match.index + word.length;
    if (
      previous !== undefined &&
      /^[ \u00A0]+$/u.test(gap) &&
      (VERB_PREFIXES.includes(previous) || joinsAsSuffix(previous, word))
    ) {
      const joined = previous + glue(previous, word) + word;
      result = result.slice(0, result.length - previous.length) + joined;
      previous = joined;
    } else {
      result += gap + word;
      previous = word;
    }
  }
  return result + text.slice(cursor);
}

/**
 * The key of a search query: letters and digits folded, every ZWNJ removed, affixes typed apart
 * joined, Latin lowercased. «تروریست‌ها»، «تروریستها» and «تروریست ها» all give «تروریستها»,
 * «كرمان» gives «کرمان», «۲» gives «2».
 */
export function toQueryKey(query: string): string {
  const folded = foldSearchText(query).replaceAll(ZWNJ, "").replace(/\s+/gu, " ").trim();
  return joinSeparatedAffixes(folded, fused).toLowerCase();
}

/** At most this many searches run for one query (the key itself and its fused neighbours). */
export const MAX_ALTERNATIVES = 8;

export interface QueryAlternative {
  /** What to search. */
  query: string;
  /** The word made by fusing, when there is one. */
  fused?: string;
}

/**
 * The searches that together answer a query key: the key itself, then the key with two and with
 * three adjacent Persian words fused, for compounds the browser cannot know are one word
 * («بین المللی» is indexed as «بینالمللی», «آتش سوزی» as «آتشسوزی»). Results of all of them are
 * merged. A fused alternative counts only when its fused word is an indexed word: Pagefind
 * answers a word it does not know with the longest indexed word it starts with, which would make
 * «قیمتنفت» find every «قیمت».
 */
export function queryAlternatives(key: string): QueryAlternative[] {
  const words = key.split(" ").filter(Boolean);
  if (!words.length) return [];
  const alternatives: QueryAlternative[] = [{ query: words.join(" ") }];
  const persian = new RegExp(`^[${LETTER}]+$`, "u");
  for (const span of [2, 3]) {
    for (let start = 0; start + span <= words.length; start++) {
      const run = words.slice(start, start + span);
      if (!run.every((word) => persian.test(word))) continue;
      const fused = run.join("");
      alternatives.push({
        query: [...words.slice(0, start), fused, ...words.slice(start + span)].join(" "),
        fused,
      });
    }
  }
  return alternatives.slice(0, MAX_ALTERNATIVES);
}
