/**
 * ZWNJ (نیم‌فاصله) restoration. Text pasted from other systems loses its ZWNJs: a suffix or a
 * verb prefix ends up fused to its word (تروریستها، میرسد) or split from it by a space
 * (تروریست ها، می رسد). Each repair is backed by the lexicon, never by the letters alone, so
 * that words which merely look like a prefix or suffix form (میراث، مینسک، تنها) stay as written.
 */
import { endsWithJoiningLetter, PERSIAN_WORD, ZWNJ } from "./chars.ts";
import { getLexicon, type Lexicon } from "./lexicon.ts";
import { normalizeLetters } from "./letters.ts";
import { findCodeAndLinkSpans, overlapsAny } from "./protected-spans.ts";
import { applyUntilStable, assertText, type Confidence, type Edit } from "./text-edits.ts";

export interface WordRepair {
  replacement: string;
  rule: string;
  confidence: Confidence;
  /** False when the lexicon allows several readings: the editor must choose. */
  fixable: boolean;
}

const PLURAL_SUFFIXES = ["هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "هاست", "های", "ها"];
const COMPARATIVE_SUFFIXES = ["ترین", "تری", "تر"];
// Written after a silent final ه only: خانه‌اش، کرده‌اند. «ات» is left out on purpose: after ه it
// mostly ends an Arabic plural (توجهات، شبهات) that the dictionary may not know.
const AFTER_SILENT_HEH_SUFFIXES = ["اند", "ایم", "اید", "ام", "اش", "ای"];
// Second halves of compounds. After a silent ه a compound is always written apart
// (کشته‌شدگان، ستیزه‌جو); elsewhere only «گرا» is, and only after a stem of three letters or more
// so that هم‌گرا-like words stay with the exceptions list.
const TAILS_AFTER_SILENT_HEH = ["جویان", "جویی", "جو"];
// Participles in گان take a ZWNJ after any joining letter (بازداشت‌شدگان), but a fused form the
// dictionary knows may be a word of its own (گندیدگان "the rotten ones").
const PARTICIPLE_TAILS = ["شدگان", "زدگان", "دیدگان"];
const GERA_TAILS = ["گرایانه", "گرایان", "گرایی", "گرای", "گرا"];
const MIN_GERA_STEM_LENGTH = 3;
// Inflections a listed compound may carry: ستیزه‌جو → ستیزه‌جویان، افراط‌گرا → افراط‌گرای.
const COMPOUND_INFLECTIONS = ["", "ی", "یی", "ان", "انی", "ای", "ها", "های", "هایی", "یان", "یانی"];
const VERB_PREFIXES = ["نمی", "می"];
const MIN_STEM_LENGTH = 2;

/** Replace each fused or space-separated form in `text` by its ZWNJ form where the lexicon is sure. */
export function restoreZwnj(text: string): string {
  assertText(text, "restoreZwnj");
  return applyUntilStable(text, (current) => zwnjEdits(current).filter((edit) => edit.fixable && edit.confidence === "high"));
}

/**
 * Every ZWNJ repair the text needs, including ambiguous ones (low confidence, not fixable).
 * Offsets refer to `text`; lookups use its letter-normalised form, which has the same length.
 */
export function zwnjEdits(text: string): Array<Edit & { fixable: boolean }> {
  assertText(text, "zwnjEdits");
  const view = normalizeLetters(text);
  const lexicon = getLexicon();
  const protectedSpans = findCodeAndLinkSpans(view);
  const tokens = [...view.matchAll(PERSIAN_WORD)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }))
    .filter((token) => !overlapsAny(protectedSpans, token.start, token.end));
  return [...strayZwnjEdits(view, protectedSpans), ...separatedFormEdits(view, tokens, lexicon), ...fusedFormEdits(tokens, lexicon)];
}

interface Token {
  start: number;
  end: number;
  word: string;
}

type FixableEdit = Edit & { fixable: boolean };

// A ZWNJ next to a space, a punctuation mark or another ZWNJ does nothing but confuse search.
function strayZwnjEdits(text: string, protectedSpans: ReturnType<typeof findCodeAndLinkSpans>): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (const match of text.matchAll(/\u200C+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlapsAny(protectedSpans, start, end)) continue;
    const between = isWordChar(text[start - 1]) && isWordChar(text[end]);
    if (between && match[0].length === 1) continue;
    edits.push({ start, end, replacement: between ? ZWNJ : "", rule: "zwnj-stray", confidence: "high", fixable: true });
  }
  return edits;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && new RegExp(PERSIAN_WORD.source, "u").test(char);
}

function fusedFormEdits(tokens: readonly Token[], lexicon: Lexicon): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (const token of tokens) {
    let offset = token.start;
    for (const part of token.word.split(ZWNJ)) {
      const repair = repairFusedWord(part, lexicon);
      if (repair) edits.push({ start: offset, end: offset + part.length, ...repair });
      offset += part.length + 1;
    }
  }
  return edits;
}

/** How one word written without ZWNJ should be written, or `undefined` when it is fine or unknown. */
export function repairFusedWord(word: string, lexicon: Lexicon = getLexicon()): WordRepair | undefined {
  if (word.includes(ZWNJ) || word.length <= MIN_STEM_LENGTH || lexicon.isException(word)) return undefined;
  const compound = compoundSpelling(word, lexicon);
  if (compound !== undefined) {
    return compound === word ? undefined : { replacement: compound, rule: "zwnj-compound", confidence: "high", fixable: true };
  }
  const readings = new Map<string, string>();
  for (const [replacement, rule] of [...verbPrefixReadings(word, lexicon), ...suffixReadings(word, lexicon)]) {
    if (!readings.has(replacement)) readings.set(replacement, rule);
  }
  if (readings.size === 0) return undefined;
  if (readings.size > 1) dropUnattestedPlurals(readings, lexicon);
  if (readings.size > 1) {
    return { replacement: [...readings.keys()].join(" / "), rule: "zwnj-ambiguous", confidence: "low", fixable: false };
  }
  const [replacement, rule] = [...readings][0]!;
  return { replacement, rule, confidence: "high", fixable: true };
}

// Between two readings, a plural the dictionary has never seen fused (هست‌های) loses to the
// other one (هسته‌ای). The dictionary lacks fused plurals of words in ه, so those always count.
function dropUnattestedPlurals(readings: Map<string, string>, lexicon: Lexicon): void {
  for (const [replacement, rule] of readings) {
    const stem = replacement.slice(0, replacement.indexOf(ZWNJ));
    if (rule === "zwnj-plural" && !stem.endsWith("ه") && !lexicon.isKnown(`${stem}ها`)) readings.delete(replacement);
  }
}

function compoundSpelling(fusedWord: string, lexicon: Lexicon): string | undefined {
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
  if (prefix === undefined || lexicon.isKnown(word)) return [];
  const verb = word.slice(prefix.length);
  return isVerbForm(verb, lexicon) ? [[prefix + ZWNJ + verb, "zwnj-verb-prefix"]] : [];
}

/**
 * Whether `word` is a conjugated verb form. The dictionary has no part-of-speech tags, but it does
 * list negated and subjunctive forms, which only verbs have: رسد → نرسد، برسد.
 */
export function isVerbForm(word: string, lexicon: Lexicon = getLexicon()): boolean {
  if (word.length < MIN_STEM_LENGTH || !lexicon.isKnown(word)) return false;
  const afterAlef = /^[اآ]/u.test(word) ? word.replace(/^آ/u, "ا") : undefined;
  const negated = afterAlef === undefined ? ["ن" + word, "ب" + word] : ["نی" + afterAlef.slice(1), "بی" + afterAlef.slice(1), "نی" + afterAlef];
  return negated.some((form) => lexicon.isKnown(form));
}

function suffixReadings(word: string, lexicon: Lexicon): Reading[] {
  const readings: Reading[] = [];
  const tryFamily = (suffixes: readonly string[], rule: string, accepts: (stem: string, suffix: string) => boolean): void => {
    const suffix = suffixes.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= MIN_STEM_LENGTH);
    if (suffix === undefined) return;
    const stem = word.slice(0, word.length - suffix.length);
    if (endsWithJoiningLetter(stem) && lexicon.isKnown(stem) && accepts(stem, suffix)) {
      readings.push([stem + ZWNJ + suffix, rule]);
    }
  };
  // A word that has a plural of its own is a word, not a plural: تنها → تنهاها.
  tryFamily(PLURAL_SUFFIXES, "zwnj-plural", (stem) => !lexicon.isKnown(`${stem}هاها`) && !lexicon.isException(`${stem}ها`));
  // The dictionary lists adjectives with their comparative and superlative, fused (بزرگتر،
  // بزرگترین). Requiring both keeps out names (پیتر، لستر، والتر); nouns that merely end in تر
  // have plurals in ان (دفتران، فیلتران), comparatives never do.
  tryFamily(
    COMPARATIVE_SUFFIXES,
    "zwnj-comparative",
    (stem) =>
      lexicon.isKnown(`${stem}تر`) &&
      lexicon.isKnown(`${stem}ترین`) &&
      !lexicon.isKnown(`${stem}تران`) &&
      !lexicon.isException(`${stem}تر`),
  );
  tryFamily(AFTER_SILENT_HEH_SUFFIXES, "zwnj-after-heh", (stem, suffix) => {
    if (!endsWithSilentHeh(stem) || stem.length <= MIN_STEM_LENGTH) return false;
    // «ای» after a word in ها is its ezafe or indefinite ی: فقهای، بهای، انتهای. Other endings
    // make words of their own (سهام، الهام، رهاند) that the dictionary knows.
    return suffix === "ای" ? !lexicon.isKnown(word.slice(0, -1)) : !lexicon.isKnown(word);
  });
  tryFamily(TAILS_AFTER_SILENT_HEH, "zwnj-compound-tail", (stem) => endsWithSilentHeh(stem));
  tryFamily(
    PARTICIPLE_TAILS,
    "zwnj-compound-tail",
    (stem) => stem.length >= MIN_GERA_STEM_LENGTH && (endsWithSilentHeh(stem) || !lexicon.isKnown(word)),
  );
  tryFamily(GERA_TAILS, "zwnj-compound-tail", (stem) => stem.length >= MIN_GERA_STEM_LENGTH);
  return readings;
}

// ه after ا or و is pronounced (راه، کوه، گروه) and takes م/ت/ش fused; after other letters
// a final ه is usually silent (خانه، کرده) and its suffixes stand apart.
function endsWithSilentHeh(word: string): boolean {
  return word.endsWith("ه") && !/[اآو]ه$/u.test(word);
}

const SEPARABLE_SUFFIXES = new Set([...PLURAL_SUFFIXES, "ترین"]);
const SEPARABLE_AFTER_SILENT_HEH = new Set(["اند", "ایم", "اید", "ام", "ای"]);

function separatedFormEdits(text: string, tokens: readonly Token[], lexicon: Lexicon): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index + 1 < tokens.length; index++) {
    const joined = joinAcrossSpaces(text, tokens, index, lexicon);
    if (joined) edits.push({ confidence: "high", ...joined, fixable: true });
  }
  return edits;
}

function joinAcrossSpaces(
  text: string,
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
): { start: number; end: number; replacement: string; rule: string; confidence?: Confidence } | undefined {
  const first = tokens[index]!;
  const second = tokens[index + 1]!;
  if (!isSpaceGap(text, first.end, second.start)) return undefined;
  const third = tokens[index + 2];
  if (third && isSpaceGap(text, second.end, third.start)) {
    const compound = compoundSpelling(fuse(first.word + second.word + third.word), lexicon);
    if (compound !== undefined) return { start: first.start, end: third.end, replacement: compound, rule: "zwnj-compound" };
  }
  const compound = compoundSpelling(fuse(first.word + second.word), lexicon);
  if (compound !== undefined) return { start: first.start, end: second.end, replacement: compound, rule: "zwnj-compound" };
  const replacement = joinedSpelling(lastPart(first.word), second.word, lexicon);
  if (replacement === undefined) return undefined;
  const start = first.end - lastPart(first.word).length;
  return { start, end: second.end, replacement: replacement.text, rule: replacement.rule, confidence: replacement.confidence };
}

function joinedSpelling(
  first: string,
  second: string,
  lexicon: Lexicon,
): { text: string; rule: string; confidence?: Confidence } | undefined {
  if (second.includes(ZWNJ)) return undefined;
  const glue = endsWithJoiningLetter(first) ? ZWNJ : "";
  if (VERB_PREFIXES.includes(first) && isVerbForm(second, lexicon)) {
    return { text: first + ZWNJ + second, rule: "zwnj-verb-prefix" };
  }
  if (lexicon.isException(first + second)) return undefined;
  if (SEPARABLE_SUFFIXES.has(second) && !VERB_PREFIXES.includes(first)) {
    return { text: first + glue + second, rule: second === "ترین" ? "zwnj-comparative" : "zwnj-plural" };
  }
  // «تر» alone is also the adjective "wet" (لباس تر): join only an adjective the dictionary
  // compares, and leave the decision to an editor.
  if (second === "تر" && lexicon.isKnown(`${first}تر`) && lexicon.isKnown(`${first}ترین`) && !lexicon.isKnown(`${first}تران`)) {
    return { text: first + glue + second, rule: "zwnj-comparative", confidence: "low" };
  }
  if (SEPARABLE_AFTER_SILENT_HEH.has(second) && endsWithSilentHeh(first) && first.length > MIN_STEM_LENGTH) {
    return { text: first + ZWNJ + second, rule: "zwnj-after-heh" };
  }
  return undefined;
}

/** `word` + `suffix`, with a ZWNJ where a suffix in ه would otherwise join the word. */
function attachSuffix(word: string, suffix: string): string {
  return suffix.startsWith("ه") && endsWithJoiningLetter(word) ? word + ZWNJ + suffix : word + suffix;
}

function isSpaceGap(text: string, start: number, end: number): boolean {
  return end > start && /^[ \u00A0]+$/u.test(text.slice(start, end));
}

function lastPart(word: string): string {
  return word.slice(word.lastIndexOf(ZWNJ) + 1);
}

function fuse(word: string): string {
  return word.replaceAll(ZWNJ, "");
}
