/**
 * ZWNJ (نیم‌فاصله) restoration. Text pasted from other systems loses its ZWNJs: a suffix or a
 * verb prefix ends up fused to its word (تروریستها، میرسد) or split from it by a space
 * (تروریست ها، می رسد). Each repair is backed by the lexicon, never by the letters alone, so
 * that words which merely look like a prefix or suffix form (میراث، مینسک، تنها) stay as written.
 */
import { isWordCharCode, ZWNJ } from "./chars.ts";
import { compoundSpelling, mayBeginCompound } from "./compounds.ts";
import { joinedSpelling } from "./joined-words.ts";
import { getLexicon, type Lexicon } from "./lexicon.ts";
import { normalizeLetters } from "./letters.ts";
import { findCodeAndLinkSpans, overlapsAny, type Span } from "./protected-spans.ts";
import { applyUntilStable, assertText, type Confidence, type Edit } from "./text-edits.ts";
import { wordFactsAt, type WordFacts } from "./word-facts.ts";
import { findPersianWordOffsets, wordOffsets, type WordOffsets } from "./word-spans.ts";

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
  // The rules below run once per text and never call back here: the scratch lists are reused.
  const words = findPersianWordOffsets(view, scratchWords);
  if (protectedSpans.length !== 0) keepUnprotected(words, protectedSpans);
  const factsOf = wordFactsAt(lexicon);
  for (let index = 0; index < words.count; index++) {
    scratchFacts[index] = factsOf(
      view,
      words.starts[index]!,
      words.ends[index]!,
      words.hashes[index]!,
    );
  }
  return [
    ...strayZwnjEdits(view, protectedSpans),
    ...separatedFormEdits(view, words, scratchFacts, lexicon),
    ...fusedFormEdits(words, scratchFacts),
  ];
}

// Entries past `words.count` are left from a longer text: the rules never read them.
const scratchWords = wordOffsets();
const scratchFacts: WordFacts[] = [];

// Words overlapping code or a link are not words to repair: drop them, keeping the order.
function keepUnprotected(words: WordOffsets, protectedSpans: readonly Span[]): void {
  let kept = 0;
  for (let index = 0; index < words.count; index++) {
    const start = words.starts[index]!;
    const end = words.ends[index]!;
    if (overlapsAny(protectedSpans, start, end)) continue;
    words.starts[kept] = start;
    words.ends[kept] = end;
    words.hashes[kept] = words.hashes[index]!;
    kept++;
  }
  words.count = kept;
}

type FixableEdit = Edit & { fixable: boolean };

const ZWNJ_CODE = 0x200c;

// A ZWNJ next to a space, a punctuation mark or another ZWNJ does nothing but confuse search.
function strayZwnjEdits(text: string, protectedSpans: readonly Span[]): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let start = text.indexOf(ZWNJ); start !== -1;) {
    let end = start + 1;
    while (text.charCodeAt(end) === ZWNJ_CODE) end++;
    const between =
      isWordCharCode(text.charCodeAt(start - 1)) && isWordCharCode(text.charCodeAt(end));
    if (!(between && end - start === 1) && !overlapsAny(protectedSpans, start, end)) {
      edits.push({
        start,
        end,
        replacement: between ? ZWNJ : "",
        rule: "zwnj-stray",
        confidence: "high",
        fixable: true,
      });
    }
    start = text.indexOf(ZWNJ, end);
  }
  return edits;
}

function fusedFormEdits(words: WordOffsets, facts: readonly WordFacts[]): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index < words.count; index++) {
    const start = words.starts[index]!;
    for (const { offset, length, repair } of facts[index]!.partRepairs) {
      edits.push({ start: start + offset, end: start + offset + length, ...repair });
    }
  }
  return edits;
}

function separatedFormEdits(
  text: string,
  words: WordOffsets,
  facts: readonly WordFacts[],
  lexicon: Lexicon,
): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index + 1 < words.count; index++) {
    const joined = joinAcrossSpaces(text, words, facts, index, lexicon);
    if (joined) edits.push({ ...joined, confidence: joined.confidence ?? "high", fixable: true });
  }
  return edits;
}

function joinAcrossSpaces(
  text: string,
  words: WordOffsets,
  facts: readonly WordFacts[],
  index: number,
  lexicon: Lexicon,
):
  | { start: number; end: number; replacement: string; rule: string; confidence?: Confidence }
  | undefined {
  const { starts, ends } = words;
  const firstEnd = ends[index]!;
  const secondStart = starts[index + 1]!;
  const secondEnd = ends[index + 1]!;
  if (!isSpaceGap(text, firstEnd, secondStart)) return undefined;
  const firstFacts = facts[index]!;
  const secondFacts = facts[index + 1]!;
  // A compound of two or three words starts with a beginning of a listed compound.
  const fusedPair = firstFacts.mayBeginCompound ? firstFacts.fused + secondFacts.fused : undefined;
  if (fusedPair !== undefined && mayBeginCompound(fusedPair, lexicon)) {
    const firstStart = starts[index]!;
    if (index + 2 < words.count && isSpaceGap(text, secondEnd, starts[index + 2]!)) {
      const compound = compoundSpelling(fusedPair + facts[index + 2]!.fused, lexicon);
      if (compound !== undefined)
        return {
          start: firstStart,
          end: ends[index + 2]!,
          replacement: compound,
          rule: "zwnj-compound",
        };
    }
    const compound = compoundSpelling(fusedPair, lexicon);
    if (compound !== undefined)
      return { start: firstStart, end: secondEnd, replacement: compound, rule: "zwnj-compound" };
  }
  // Only a verb prefix before or a suffix after joins: most pairs are neither, and need no lookup.
  if (!firstFacts.joinsWordAfter && !secondFacts.joinsWordBefore) return undefined;
  const second = text.slice(secondStart, secondEnd);
  const replacement = joinedSpelling(firstFacts.lastPart, second, lexicon);
  if (replacement === undefined) return undefined;
  const start = firstEnd - firstFacts.lastPart.length;
  return {
    start,
    end: secondEnd,
    replacement: replacement.text,
    rule: replacement.rule,
    confidence: replacement.confidence,
  };
}

// Only spaces (and no-break spaces) between two words let them be read as one.
function isSpaceGap(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0xa0) return false;
  }
  return true;
}
