/**
 * How one Persian word written without ZWNJ should be written: a verb prefix (میرسد), a suffix
 * (تروریستها، بزرگترین، کردهاند), a compound (بینالمللی). Every reading is checked against the
 * lexicon, and a word the lexicon reads two ways is reported, never rewritten.
 */
import { endsWithJoiningLetter, ZWNJ } from "./chars.ts";
import { getLexicon, type Lexicon } from "./lexicon.ts";
import type { Confidence } from "./text-edits.ts";

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
// Inflections a listed compound may carry: ستیزه‌جو → ستیزه‌جویان، افراط‌گرا → افراط‌گرای.
const COMPOUND_INFLECTIONS = ["", "ی", "یی", "ان", "انی", "ای", "ها", "های", "هایی", "یان", "یانی"];
export const VERB_PREFIXES = ["نمی", "می"];
export const MIN_STEM_LENGTH = 2;

/** How one word written without ZWNJ should be written, or `undefined` when it is fine or unknown. */
// News copy repeats the same few thousand words: each is analysed once per lexicon.
const repairs = new WeakMap<Lexicon, Map<string, WordRepair | undefined>>();

export function repairFusedWord(
  word: string,
  lexicon: Lexicon = getLexicon(),
): WordRepair | undefined {
  let known = repairs.get(lexicon);
  if (!known) repairs.set(lexicon, (known = new Map()));
  if (known.has(word)) return known.get(word);
  const repair = analyseFusedWord(word, lexicon);
  known.set(word, repair);
  return repair;
}

function analyseFusedWord(word: string, lexicon: Lexicon): WordRepair | undefined {
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

const compounds = new WeakMap<Lexicon, Map<string, string | undefined>>();

export function compoundSpelling(fusedWord: string, lexicon: Lexicon): string | undefined {
  // Asked for every pair and triple of neighbouring words: remembered per lexicon.
  let known = compounds.get(lexicon);
  if (!known) compounds.set(lexicon, (known = new Map()));
  if (known.has(fusedWord)) return known.get(fusedWord);
  const spelling = findCompoundSpelling(fusedWord, lexicon);
  known.set(fusedWord, spelling);
  return spelling;
}

function findCompoundSpelling(fusedWord: string, lexicon: Lexicon): string | undefined {
  for (const inflection of COMPOUND_INFLECTIONS) {
    if (!fusedWord.endsWith(inflection)) continue;
    const compound = lexicon.compound(fusedWord.slice(0, fusedWord.length - inflection.length));
    if (compound !== undefined) return attachSuffix(compound, inflection);
  }
  return undefined;
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

function suffixReadings(word: string, lexicon: Lexicon): Reading[] {
  const readings: Reading[] = [];
  const tryFamily = (
    suffixes: readonly string[],
    rule: string,
    accepts: (stem: string, suffix: string) => boolean,
  ): void => {
    const suffix = suffixes.find(
      (candidate) => word.endsWith(candidate) && word.length - candidate.length >= MIN_STEM_LENGTH,
    );
    if (suffix === undefined) return;
    const stem = word.slice(0, word.length - suffix.length);
    if (endsWithJoiningLetter(stem) && lexicon.isKnown(stem) && accepts(stem, suffix)) {
      readings.push([stem + ZWNJ + suffix, rule]);
    }
  };
  tryFamily(PLURAL_SUFFIXES, "zwnj-plural", (stem) => isPluralStem(stem, lexicon));
  if (hasPluralReading(word, lexicon) && !endsWithJoiningLetter(pluralStemOf(word)!))
    readings.push([word, "zwnj-plural"]);
  // The dictionary lists adjectives with their comparative and superlative, fused (بزرگتر،
  // بزرگترین). Requiring both keeps out names (پیتر، لستر، والتر); nouns that merely end in تر
  // have plurals in ان (دفتران، فیلتران), comparatives never do.
  tryFamily(
    COMPARATIVE_SUFFIXES,
    "zwnj-comparative",
    (stem, suffix) =>
      !lexicon.isException(`${stem}تر`) &&
      (isComparedAdjective(stem, lexicon) ||
        isAdjectiveWithoutListedComparative(stem, suffix, lexicon)),
  );
  tryFamily(AFTER_SILENT_HEH_SUFFIXES, "zwnj-after-heh", (stem, suffix) => {
    if (!endsWithSilentHeh(stem) || stem.length <= MIN_STEM_LENGTH) return false;
    // «ای» after a word in ها is its ezafe or indefinite ی: فقهای، بهای، انتهای. Other endings
    // make words of their own (سهام، الهام، رهاند) that the dictionary knows.
    if (suffix === "ای") return !isWordInHa(word.slice(0, -1), lexicon);
    return !lexicon.isKnown(word) || hasPluralReading(word, lexicon);
  });
  tryFamily(TAILS_AFTER_SILENT_HEH, "zwnj-compound-tail", (stem) => endsWithSilentHeh(stem));
  tryFamily(
    PARTICIPLE_TAILS,
    "zwnj-compound-tail",
    (stem) =>
      stem.length >= MIN_COMPOUND_STEM_LENGTH &&
      (endsWithSilentHeh(stem) || !lexicon.isKnown(word)),
  );
  tryFamily(GERA_TAILS, "zwnj-compound-tail", (stem) => !lexicon.isException(`${stem}گرا`));
  tryFamily(AGENT_TAILS, "zwnj-compound-tail", () => true);
  return readings;
}

// ه after ا or و is pronounced (راه، کوه، گروه) and takes م/ت/ش fused; after other letters
// a final ه is usually silent (خانه، کرده) and its suffixes stand apart.
export function endsWithSilentHeh(word: string): boolean {
  return word.endsWith("ه") && !/[اآوه]ه$/u.test(word);
}

/** `word` + `suffix`, with a ZWNJ where a suffix in ه would otherwise join the word. */
function attachSuffix(word: string, suffix: string): string {
  return suffix.startsWith("ه") && endsWithJoiningLetter(word)
    ? word + ZWNJ + suffix
    : word + suffix;
}
