/**
 * Search keys without the dictionary: what the browser can compute from a query.
 *
 * The build writes the index from text whose ZWNJs the dictionary restored (src/search/index-text.ts)
 * and keys each word without its ZWNJ (src/search/words.ts), so an indexed word is its fused form:
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

/** Code-unit ranges, both ends included. */
type Ranges = readonly (readonly [first: number, last: number])[];

// Marks that change how a word looks, not which word it is (as in match-key.ts): harakat,
// superscript alef, tatweel, and invisible joiners and direction marks left by copy and paste.
const INVISIBLE_OR_VOWEL_MARKS: Ranges = [
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x0640, 0x0640],
  [0x200d, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
  [0x00ad, 0x00ad],
];

// What /\s/ matches (ECMAScript WhiteSpace and LineTerminator); tests/unit/search-query-key.test.ts
// checks every code unit against /\s/ itself.
const WHITESPACE: Ranges = [
  [0x0009, 0x000d],
  [0x0020, 0x0020],
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

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

// Extended Arabic-Indic (Persian) and Arabic-Indic digits.
const DIGIT_ZEROS = [0x06f0, 0x0660];

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

const ENDS_WITH_PERSIAN_LETTER = new RegExp(`[${LETTER}]$`, "u");

// The functions below run over every article at build time (about 20 million characters for
// 10,000 articles), so they walk character codes through lookup tables made once from the
// character classes above, instead of chaining regular expressions that each copy the text;
// tests/unit/search-query-key.test.ts checks them against the regular-expression definitions.

const KEEP = 0;
const DROP = 1;
const SPACE = 2;
const REPLACE = 3;

interface FoldTables {
  /** What happens to each UTF-16 code unit: KEEP, DROP, SPACE or REPLACE. */
  kinds: Uint8Array;
  /** For REPLACE, the code unit written instead. */
  replacements: Uint16Array;
}

let foldTables: FoldTables | undefined;

// Made on first use (the search page's first query), in order: whitespace, then marks (U+FEFF is
// both and is dropped, as the marks were removed before whitespace was collapsed), then letters and
// digits.
function tables(): FoldTables {
  if (foldTables) return foldTables;
  const kinds = new Uint8Array(0x10000);
  const replacements = new Uint16Array(0x10000);
  const mark = (ranges: Ranges, kind: number) => {
    for (const [first, last] of ranges) kinds.fill(kind, first, last + 1);
  };
  mark(WHITESPACE, SPACE);
  mark(INVISIBLE_OR_VOWEL_MARKS, DROP);
  for (const [letter, folded] of Object.entries(LETTER_FOLDS)) {
    kinds[letter.charCodeAt(0)] = REPLACE;
    replacements[letter.charCodeAt(0)] = folded.charCodeAt(0);
  }
  for (const zero of DIGIT_ZEROS) {
    for (let digit = 0; digit < 10; digit++) {
      kinds[zero + digit] = REPLACE;
      replacements[zero + digit] = 0x30 + digit;
    }
  }
  return (foldTables = { kinds, replacements });
}

/**
 * Letters and digits as the match key has them: NFKC (presentation forms, full-width Latin),
 * Persian ی ک for Arabic ي ى ك, hamza seats folded (أ إ ٱ → ا، ؤ → و، ئ → ی، ۀ → ه), no
 * harakat, tatweel or invisible marks, ASCII digits, whitespace collapsed. ZWNJs and letter case
 * are kept. Throws a TypeError naming the value when `text` is not a string.
 */
export function foldSearchText(text: string): string {
  if (typeof text !== "string")
    throw new TypeError(`foldSearchText expects a string, got ${typeof text}: ${String(text)}`);
  const { kinds, replacements } = tables();
  const source = text.normalize("NFKC");
  const length = source.length;
  let result = "";
  // Characters from `runStart` up to the current one are kept as they are: copied as one slice.
  let runStart = 0;
  // A run of whitespace was skipped: one space is written before the next character, if any.
  let pendingSpace = false;
  let started = false;
  for (let index = 0; index < length; index++) {
    const code = source.charCodeAt(index);
    const kind = kinds[code];
    if (kind === KEEP) {
      if (pendingSpace) {
        if (started) result += " ";
        pendingSpace = false;
      }
      started = true;
      continue;
    }
    // A single space between two kept characters stays in the run: the common case, no copy.
    if (
      code === 0x20 &&
      index > runStart &&
      index + 1 < length &&
      kinds[source.charCodeAt(index + 1)] === KEEP
    )
      continue;
    result += source.slice(runStart, index);
    runStart = index + 1;
    if (kind === SPACE) pendingSpace = true;
    else if (kind === REPLACE) {
      if (pendingSpace) {
        if (started) result += " ";
        pendingSpace = false;
      }
      started = true;
      result += String.fromCharCode(replacements[code]!);
    }
  }
  return runStart === 0 ? source : result + source.slice(runStart);
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
  if (!ANY_WORD_SUFFIXES.has(suffix) && !HEH_SUFFIXES.has(suffix)) return false;
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

// Persian letters (LETTER) all lie in the Arabic block: one flag per code unit of it.
const ARABIC_BLOCK = 0x0600;
const PERSIAN_LETTERS = (() => {
  const letter = new RegExp(`[${LETTER}]`, "u");
  const flags = new Uint8Array(0x100);
  for (let offset = 0; offset < 0x100; offset++)
    flags[offset] = letter.test(String.fromCharCode(ARABIC_BLOCK + offset)) ? 1 : 0;
  return flags;
})();
const ZWNJ_CODE = 0x200c;
// Longer words are never an affix (هایشان has six letters); shorter ones may be a verb prefix.
const LONGEST_AFFIX = Math.max(
  ...[...ANY_WORD_SUFFIXES, ...HEH_SUFFIXES].map((suffix) => suffix.length),
);
const LONGEST_PREFIX = Math.max(...VERB_PREFIXES.map((prefix) => prefix.length));
const AFFIX_INITIALS = new Set(
  [...ANY_WORD_SUFFIXES, ...HEH_SUFFIXES].map((suffix) => suffix.charCodeAt(0)),
);
const PREFIX_INITIALS = new Set(VERB_PREFIXES.map((prefix) => prefix.charCodeAt(0)));

function isPersianLetterCode(code: number): boolean {
  const offset = code - ARABIC_BLOCK;
  return offset >= 0 && offset < 0x100 && PERSIAN_LETTERS[offset] === 1;
}

/** Whether `text` between `from` and `to` is one or more spaces (or no-break spaces) and nothing else. */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0xa0) return false;
  }
  return true;
}

/**
 * Join affixes typed as words of their own to their word, without a dictionary: plural and
 * comparative endings to the word before (تروریست ها → تروریستها), endings after a silent ه to it
 * (کرده اند، خانه اش), and می/نمی to the word after (می رسد). Only Persian words (letters, and
 * ZWNJs between letters) separated by spaces alone are joined; punctuation between two words
 * keeps them apart.
 */
export function joinSeparatedAffixes(text: string, glue: Glue): string {
  const length = text.length;
  let result = "";
  // `result` holds the rewritten text up to `copied`; the rest is still as written.
  let copied = 0;
  // The last word: where it was, and its text once it was joined (otherwise read from `text`).
  let previousStart = -1;
  let previousEnd = -1;
  let previousJoined: string | undefined;
  let index = 0;
  while (index < length) {
    if (!isPersianLetterCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index++;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (isPersianLetterCode(code)) index++;
      else if (code === ZWNJ_CODE && isPersianLetterCode(text.charCodeAt(index + 1))) index += 2;
      else break;
    }
    const end = index;
    // Most words are neither an affix nor after a prefix: tell by length and first letter
    // before making any string.
    const mayBeAffix = end - start <= LONGEST_AFFIX && AFFIX_INITIALS.has(text.charCodeAt(start));
    const mayFollowPrefix =
      previousJoined === undefined &&
      previousEnd - previousStart <= LONGEST_PREFIX &&
      PREFIX_INITIALS.has(text.charCodeAt(previousStart));
    if (
      previousStart >= 0 &&
      (mayBeAffix || mayFollowPrefix) &&
      onlySpaces(text, previousEnd, start)
    ) {
      const previous = previousJoined ?? text.slice(previousStart, previousEnd);
      const word = text.slice(start, end);
      if (VERB_PREFIXES.includes(previous) || joinsAsSuffix(previous, word)) {
        const joint = glue(previous, word);
        result += text.slice(copied, previousEnd) + joint;
        copied = start;
        previousJoined = previous + joint + word;
        previousEnd = end;
        continue;
      }
    }
    previousStart = start;
    previousEnd = end;
    previousJoined = undefined;
  }
  return copied === 0 ? text : result + text.slice(copied);
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
 * merged. A fused alternative counts only when its fused word is an indexed word exactly: query
 * words match the start of indexed words, so «کتاب خان» fused would otherwise find «کتابخانه»
 * although neither «خان» nor «کتابخان» is in the article.
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
