/**
 * How one Persian word written without ZWNJ should be written: a verb prefix (میرسد), a suffix
 * (تروریستها، بزرگترین، کردهاند), a compound (بینالمللی). Every reading is checked against the
 * lexicon, and a word the lexicon reads two ways is reported, never rewritten.
 */
import { endsWithJoiningLetter, ZWNJ } from "./chars.ts";
import { BoundedCache } from "./bounded-cache.ts";
import { compoundSpelling } from "./compounds.ts";
import { getLexicon, type Lexicon } from "./lexicon.ts";
import type { Confidence } from "./text-edits.ts";

// Compounds have a module of their own; their spelling is part of this module's answer.
export { compoundSpelling } from "./compounds.ts";

export interface WordRepair {
  replacement: string;
  rule: string;
  confidence: Confidence;
  /** False when the lexicon allows several readings: the editor must choose. */
  fixable: boolean;
}

export const PLURAL_SUFFIXES = [
  "هایشان",
  "هایتان",
  "هایمان",
  "هایی",
  "هایم",
  "هایت",
  "هایش",
  "هاست",
  "های",
  "ها",
];
const COMPARATIVE_SUFFIXES = ["ترین", "تری", "تر"];
// Written after a silent final ه only: خانه‌اش، کرده‌اند. «ات» is left out on purpose: after ه it
// mostly ends an Arabic plural (توجهات، شبهات) that the dictionary may not know.
const AFTER_SILENT_HEH_SUFFIXES = ["اند", "ایم", "اید", "ام", "اش", "ای"];
// Second halves of compounds. After a silent ه a compound is always written apart
// (ستیزه‌جو); «گرا» is after any joining letter (اصول‌گرا), except in words on the exceptions
// list (همگرا).
const TAILS_AFTER_SILENT_HEH = ["جویان", "جویی", "جو"];
// Participles in گان take a ZWNJ after any joining letter (بازداشت‌شدگان), but a fused form the
// dictionary knows may be a word of its own (گندیدگان "the rotten ones").
const PARTICIPLE_TAILS = ["شدگان", "زدگان", "دیدگان"];
const GERA_TAILS = ["گرایانه", "گرایان", "گرایی", "گرای", "گرا"];
const MIN_COMPOUND_STEM_LENGTH = 3;
// «کننده» after a joining letter: مصرف‌کننده، نگران‌کننده، شرکت‌کنندگان.
const AGENT_TAILS = ["کنندگان", "کنندگی", "کننده"];
export const VERB_PREFIXES = ["نمی", "می"];
export const MIN_STEM_LENGTH = 2;

// News copy repeats the same few thousand words: each is analysed once per lexicon, and the
// memo is bounded so that an archive of unusual words cannot grow it without end.
const repairs = new WeakMap<Lexicon, BoundedCache<string, WordRepair | undefined>>();
const REPAIRS_PER_GENERATION = 100_000;

/** How one word written without ZWNJ should be written, or `undefined` when it is fine or unknown. */
export function repairFusedWord(
  word: string,
  lexicon: Lexicon = getLexicon(),
): WordRepair | undefined {
  let known = repairs.get(lexicon);
  if (!known) repairs.set(lexicon, (known = new BoundedCache(REPAIRS_PER_GENERATION)));
  return known.get(word, (fresh) => analyseFusedWord(fresh, lexicon));
}

/**
 * `repairFusedWord` without its memo, for a caller that remembers the answers itself (zwnj.ts
 * remembers everything it needs about a word at once): a second memo of the same words would
 * only cost time and memory.
 */
export function analyseFusedWord(word: string, lexicon: Lexicon): WordRepair | undefined {
  if (word.includes(ZWNJ) || word.length <= MIN_STEM_LENGTH || lexicon.isException(word))
    return undefined;
  const preferred = lexicon.preferredReading(word);
  if (preferred !== undefined) {
    return preferred === word
      ? undefined
      : {
          replacement: preferred,
          rule: "zwnj-preferred-reading",
          confidence: "high",
          fixable: true,
        };
  }
  const compound = compoundSpelling(word, lexicon);
  if (compound !== undefined) {
    return compound === word
      ? undefined
      : { replacement: compound, rule: "zwnj-compound", confidence: "high", fixable: true };
  }
  const readings = new Map<string, string>();
  for (const [replacement, rule] of [
    ...verbPrefixReadings(word, lexicon),
    ...suffixReadings(word, lexicon),
  ]) {
    if (!readings.has(replacement)) readings.set(replacement, rule);
  }
  preferPerfectOverPossessive(word, readings, lexicon);
  // A reading that needs no change (کردهای "Kurds") still makes another one (کرده‌ای) ambiguous.
  if (readings.size === 0 || (readings.size === 1 && readings.has(word))) return undefined;
  if (readings.size > 1) {
    return {
      replacement: [...readings.keys()].join(" / "),
      rule: "zwnj-ambiguous",
      confidence: "low",
      fixable: false,
    };
  }
  const [replacement, rule] = [...readings][0]!;
  return { replacement, rule, confidence: "high", fixable: true };
}

// کرده‌ایم "we have done" against کرد + هایم "my Kurds", written fused either way: when the
// word before ه is a past stem (کرد، برد، رسید), news text means the perfect. Where the plural
// would take a ZWNJ (دست‌هایم against دسته‌ایم), or the stem is no verb, both stay possible.
function preferPerfectOverPossessive(
  word: string,
  readings: Map<string, string>,
  lexicon: Lexicon,
): void {
  const pastStem = word.slice(0, -"هایم".length);
  const perfect = readings.has(`${pastStem}ه${ZWNJ}ایم`);
  if (perfect && word.endsWith("هایم") && /[دت]$/u.test(pastStem) && isVerbForm(pastStem, lexicon))
    readings.delete(word);
}

type Reading = [replacement: string, rule: string];

function verbPrefixReadings(word: string, lexicon: Lexicon): Reading[] {
  const prefix = VERB_PREFIXES.find((candidate) => word.startsWith(candidate));
  if (prefix === undefined || isNounLike(word, lexicon)) return [];
  const verb = word.slice(prefix.length);
  return isVerbForm(verb, lexicon) ? [[prefix + ZWNJ + verb, "zwnj-verb-prefix"]] : [];
}

// The dictionary also holds some fused verb forms (میگوید), so being listed does not make a word
// a noun; having a plural does (میدان → میدانها، میگو → میگوها).
function isNounLike(word: string, lexicon: Lexicon): boolean {
  if (hasPlural(word, lexicon) || lexicon.isException(word)) return true;
  // An inflected noun: میلش، میزی، میانشان، میراندنان. «م» is left out: می‌دانم and the like are
  // far more common than "my square".
  return NOUN_ENDINGS.some(
    (ending) => word.endsWith(ending) && hasPlural(word.slice(0, -ending.length), lexicon),
  );
}

const NOUN_ENDINGS = ["شان", "تان", "مان", "انی", "ان", "ست", "ش", "ت", "ی"];

function hasPlural(word: string, lexicon: Lexicon): boolean {
  return (
    word.length > MIN_STEM_LENGTH && (lexicon.isKnown(`${word}ها`) || lexicon.isKnown(`${word}های`))
  );
}

/**
 * Whether `word` is a conjugated verb form. The dictionary has no part-of-speech tags, but it
 * lists negated forms, which only verbs have: رسد → نرسد، آید → نیاید.
 */
export function isVerbForm(word: string, lexicon: Lexicon = getLexicon()): boolean {
  if (word.length < MIN_STEM_LENGTH || !lexicon.isKnown(word) || /ها(?:ی|یی)?$/u.test(word))
    return false;
  return negatedForms(word).some((form) => lexicon.isKnown(form));
}

// ن before a verb starting in ا or آ takes a ی: انجامد → نینجامد، آید → نیاید.
function negatedForms(verb: string): string[] {
  if (verb.startsWith("آ")) return [`نیا${verb.slice(1)}`];
  if (verb.startsWith("ا")) return [`نی${verb.slice(1)}`, `نی${verb}`];
  return [`ن${verb}`];
}

// A word that has a plural of its own is a word, not a plural: تنها → تنهاها. A verb form has
// no plural unless the dictionary attests one (گسترد is "spread", not a noun; خواستها is).
function isPluralStem(stem: string, lexicon: Lexicon): boolean {
  if (lexicon.isKnown(`${stem}هاها`) || lexicon.isException(`${stem}ها`)) return false;
  return !isVerbForm(stem, lexicon) || lexicon.isKnown(`${stem}ها`) || stem.endsWith("ه");
}

function pluralStemOf(word: string): string | undefined {
  const suffix = PLURAL_SUFFIXES.find((candidate) => word.endsWith(candidate));
  return suffix === undefined ? undefined : word.slice(0, word.length - suffix.length);
}

/** Whether `word` reads as stem + ها… with a known stem, ZWNJ or not (کردهایم: کرد + هایم). */
function hasPluralReading(word: string, lexicon: Lexicon): boolean {
  const stem = pluralStemOf(word);
  return (
    stem !== undefined &&
    stem.length >= MIN_STEM_LENGTH &&
    lexicon.isKnown(stem) &&
    isPluralStem(stem, lexicon)
  );
}

/** A known word ending in ها that is not just a plural: تنها، فقها، بها، انتها. */
function isWordInHa(word: string, lexicon: Lexicon): boolean {
  if (!word.endsWith("ها") || !lexicon.isKnown(word)) return false;
  const stem = word.slice(0, -2);
  const isPlural =
    stem.length >= MIN_STEM_LENGTH &&
    endsWithJoiningLetter(stem) &&
    lexicon.isKnown(stem) &&
    isPluralStem(stem, lexicon);
  return !isPlural;
}

function isComparedAdjective(stem: string, lexicon: Lexicon): boolean {
  return (
    lexicon.isKnown(`${stem}تر`) &&
    lexicon.isKnown(`${stem}ترین`) &&
    !lexicon.isKnown(`${stem}تران`)
  );
}

// The dictionary lists no comparatives of adjectives in a silent ه or in ی, so for those being
// a word of three letters or more must do: تازه‌تر، پیچیده‌ترین، قوی‌تر، طولانی‌ترین (but not پیتر).
// «تری» after ی is left out: it ends names (دیمیتری).
function isAdjectiveWithoutListedComparative(
  stem: string,
  suffix: string,
  lexicon: Lexicon,
): boolean {
  const ending = endsWithSilentHeh(stem) || (stem.endsWith("ی") && suffix !== "تری");
  return (
    ending &&
    stem.length > MIN_STEM_LENGTH &&
    lexicon.isKnown(stem) &&
    !lexicon.isKnown(`${stem}تران`)
  );
}

/** A family of suffixes, longest first, and what a stem must be to take one of them. */
interface SuffixFamily {
  suffixes: readonly string[];
  rule: string;
  accepts: (stem: string, suffix: string, word: string, lexicon: Lexicon) => boolean;
}

const PLURAL_FAMILY: SuffixFamily = {
  suffixes: PLURAL_SUFFIXES,
  rule: "zwnj-plural",
  accepts: (stem, _suffix, _word, lexicon) => isPluralStem(stem, lexicon),
};

// Tried in this order after the plural, which is why they are a list: the order of the readings
// is the order an ambiguous word's suggestions are shown in.
const LATER_FAMILIES: readonly SuffixFamily[] = [
  {
    // The dictionary lists adjectives with their comparative and superlative, fused (بزرگتر،
    // بزرگترین). Requiring both keeps out names (پیتر، لستر، والتر); nouns that merely end in تر
    // have plurals in ان (دفتران، فیلتران), comparatives never do.
    suffixes: COMPARATIVE_SUFFIXES,
    rule: "zwnj-comparative",
    accepts: (stem, suffix, _word, lexicon) =>
      !lexicon.isException(`${stem}تر`) &&
      (isComparedAdjective(stem, lexicon) ||
        isAdjectiveWithoutListedComparative(stem, suffix, lexicon)),
  },
  {
    suffixes: AFTER_SILENT_HEH_SUFFIXES,
    rule: "zwnj-after-heh",
    accepts: (stem, suffix, word, lexicon) => {
      if (!endsWithSilentHeh(stem) || stem.length <= MIN_STEM_LENGTH) return false;
      // «ای» after a word in ها is its ezafe or indefinite ی: فقهای، بهای، انتهای. Other endings
      // make words of their own (سهام، الهام، رهاند) that the dictionary knows.
      if (suffix === "ای") return !isWordInHa(word.slice(0, -1), lexicon);
      return !lexicon.isKnown(word) || hasPluralReading(word, lexicon);
    },
  },
  {
    suffixes: TAILS_AFTER_SILENT_HEH,
    rule: "zwnj-compound-tail",
    accepts: (stem) => endsWithSilentHeh(stem),
  },
  {
    suffixes: PARTICIPLE_TAILS,
    rule: "zwnj-compound-tail",
    accepts: (stem, _suffix, word, lexicon) =>
      stem.length >= MIN_COMPOUND_STEM_LENGTH &&
      (endsWithSilentHeh(stem) || !lexicon.isKnown(word)),
  },
  {
    suffixes: GERA_TAILS,
    rule: "zwnj-compound-tail",
    accepts: (stem, _suffix, _word, lexicon) => !lexicon.isException(`${stem}گرا`),
  },
  { suffixes: AGENT_TAILS, rule: "zwnj-compound-tail", accepts: () => true },
];

// The families are module constants rather than closures made per word: a new word is analysed
// for each of the many thousands of distinct words of an archive.
function suffixReadings(word: string, lexicon: Lexicon): Reading[] {
  const readings: Reading[] = [];
  addFamilyReading(readings, word, lexicon, PLURAL_FAMILY);
  if (hasPluralReading(word, lexicon) && !endsWithJoiningLetter(pluralStemOf(word)!))
    readings.push([word, "zwnj-plural"]);
  for (const family of LATER_FAMILIES) addFamilyReading(readings, word, lexicon, family);
  return readings;
}

// The first suffix of the family (they are listed longest first) that leaves a stem of
// MIN_STEM_LENGTH letters decides.
function addFamilyReading(
  readings: Reading[],
  word: string,
  lexicon: Lexicon,
  { suffixes, rule, accepts }: SuffixFamily,
): void {
  let suffix: string | undefined;
  for (const candidate of suffixes) {
    if (word.endsWith(candidate) && word.length - candidate.length >= MIN_STEM_LENGTH) {
      suffix = candidate;
      break;
    }
  }
  if (suffix === undefined) return;
  const stem = word.slice(0, word.length - suffix.length);
  if (
    endsWithJoiningLetter(stem) &&
    lexicon.isKnown(stem) &&
    accepts(stem, suffix, word, lexicon)
  ) {
    readings.push([stem + ZWNJ + suffix, rule]);
  }
}

// ه after ا or و is pronounced (راه، کوه، گروه) and takes م/ت/ش fused; after other letters
// a final ه is usually silent (خانه، کرده) and its suffixes stand apart.
export function endsWithSilentHeh(word: string): boolean {
  return word.endsWith("ه") && !/[اآوه]ه$/u.test(word);
}
