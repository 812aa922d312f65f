/**
 * ZWNJ (نیم‌فاصله) restoration. Text pasted from other systems loses its ZWNJs: a suffix or a
 * verb prefix ends up fused to its word (تروریستها، میرسد) or split from it by a space
 * (تروریست ها، می رسد). Each repair is backed by the lexicon, never by the letters alone, so
 * that words which merely look like a prefix or suffix form (میراث، مینسک، تنها) stay as written.
 */
import { endsWithJoiningLetter, PERSIAN_WORD, ZWNJ } from "./chars.ts";
import {
  compoundSpelling,
  endsWithSilentHeh,
  isVerbForm,
  MIN_STEM_LENGTH,
  PLURAL_SUFFIXES,
  repairFusedWord,
  VERB_PREFIXES,
} from "./fused-words.ts";
import { getLexicon, type Lexicon } from "./lexicon.ts";
import { normalizeLetters } from "./letters.ts";
import { findCodeAndLinkSpans, overlapsAny } from "./protected-spans.ts";
import { applyUntilStable, assertText, type Confidence, type Edit } from "./text-edits.ts";

/** Replace each fused or space-separated form in `text` by its ZWNJ form where the lexicon is sure. */
export function restoreZwnj(text: string): string {
  assertText(text, "restoreZwnj");
  return applyUntilStable(text, (current) =>
    zwnjEdits(current).filter((edit) => edit.fixable && edit.confidence === "high"),
  );
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
  return [
    ...strayZwnjEdits(view, protectedSpans),
    ...separatedFormEdits(view, tokens, lexicon),
    ...fusedFormEdits(tokens, lexicon),
  ];
}

interface Token {
  start: number;
  end: number;
  word: string;
}

type FixableEdit = Edit & { fixable: boolean };

// A ZWNJ next to a space, a punctuation mark or another ZWNJ does nothing but confuse search.
function strayZwnjEdits(
  text: string,
  protectedSpans: ReturnType<typeof findCodeAndLinkSpans>,
): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (const match of text.matchAll(/\u200C+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlapsAny(protectedSpans, start, end)) continue;
    const between = isWordChar(text[start - 1]) && isWordChar(text[end]);
    if (between && match[0].length === 1) continue;
    edits.push({
      start,
      end,
      replacement: between ? ZWNJ : "",
      rule: "zwnj-stray",
      confidence: "high",
      fixable: true,
    });
  }
  return edits;
}

const ONE_WORD_CHAR = new RegExp(PERSIAN_WORD.source, "u");

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && ONE_WORD_CHAR.test(char);
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

const SEPARABLE_SUFFIXES = new Set([...PLURAL_SUFFIXES, "ترین"]);
const SEPARABLE_AFTER_SILENT_HEH = new Set(["اند", "ایم", "اید", "ام", "ای"]);

function separatedFormEdits(
  text: string,
  tokens: readonly Token[],
  lexicon: Lexicon,
): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index + 1 < tokens.length; index++) {
    const joined = joinAcrossSpaces(text, tokens, index, lexicon);
    if (joined) edits.push({ ...joined, confidence: joined.confidence ?? "high", fixable: true });
  }
  return edits;
}

function joinAcrossSpaces(
  text: string,
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
):
  | { start: number; end: number; replacement: string; rule: string; confidence?: Confidence }
  | undefined {
  const first = tokens[index]!;
  const second = tokens[index + 1]!;
  if (!isSpaceGap(text, first.end, second.start)) return undefined;
  const third = tokens[index + 2];
  if (third && isSpaceGap(text, second.end, third.start)) {
    const compound = compoundSpelling(fuse(first.word + second.word + third.word), lexicon);
    if (compound !== undefined)
      return { start: first.start, end: third.end, replacement: compound, rule: "zwnj-compound" };
  }
  const compound = compoundSpelling(fuse(first.word + second.word), lexicon);
  if (compound !== undefined)
    return { start: first.start, end: second.end, replacement: compound, rule: "zwnj-compound" };
  const replacement = joinedSpelling(lastPart(first.word), second.word, lexicon);
  if (replacement === undefined) return undefined;
  const start = first.end - lastPart(first.word).length;
  return {
    start,
    end: second.end,
    replacement: replacement.text,
    rule: replacement.rule,
    confidence: replacement.confidence,
  };
}

type Joined = { text: string; rule: string; confidence?: Confidence } | undefined;

const joinedSpellings = new WeakMap<Lexicon, Map<string, Joined>>();

// Asked for every pair of neighbouring words in every text: remembered per lexicon.
function joinedSpelling(first: string, second: string, lexicon: Lexicon): Joined {
  let known = joinedSpellings.get(lexicon);
  if (!known) joinedSpellings.set(lexicon, (known = new Map()));
  const key = `${first} ${second}`;
  if (known.has(key)) return known.get(key);
  const joined = findJoinedSpelling(first, second, lexicon);
  known.set(key, joined);
  return joined;
}

function findJoinedSpelling(first: string, second: string, lexicon: Lexicon): Joined {
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

function isSpaceGap(text: string, start: number, end: number): boolean {
  return end > start && /^[ \u00A0]+$/u.test(text.slice(start, end));
}

function lastPart(word: string): string {
  return word.slice(word.lastIndexOf(ZWNJ) + 1);
}

function fuse(word: string): string {
  return word.replaceAll(ZWNJ, "");
}
