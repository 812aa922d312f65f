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
import { wordFacts, type WordFacts } from "./word-facts.ts";
import { findPersianWords, type WordSpan } from "./word-spans.ts";

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
  const words = findPersianWords(view);
  const tokens =
    protectedSpans.length === 0
      ? words
      : words.filter((token) => !overlapsAny(protectedSpans, token.start, token.end));
  const facts = tokens.map((token) => wordFacts(token.word, lexicon));
  return [
    ...strayZwnjEdits(view, protectedSpans),
    ...separatedFormEdits(view, tokens, facts, lexicon),
    ...fusedFormEdits(tokens, facts),
  ];
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

function fusedFormEdits(tokens: readonly WordSpan[], facts: readonly WordFacts[]): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const { start } = tokens[index]!;
    for (const { offset, length, repair } of facts[index]!.partRepairs) {
      edits.push({ start: start + offset, end: start + offset + length, ...repair });
    }
  }
  return edits;
}

function separatedFormEdits(
  text: string,
  tokens: readonly WordSpan[],
  facts: readonly WordFacts[],
  lexicon: Lexicon,
): FixableEdit[] {
  const edits: FixableEdit[] = [];
  for (let index = 0; index + 1 < tokens.length; index++) {
    const joined = joinAcrossSpaces(text, tokens, facts, index, lexicon);
    if (joined) edits.push({ ...joined, confidence: joined.confidence ?? "high", fixable: true });
  }
  return edits;
}

function joinAcrossSpaces(
  text: string,
  tokens: readonly WordSpan[],
  facts: readonly WordFacts[],
  index: number,
  lexicon: Lexicon,
):
  | { start: number; end: number; replacement: string; rule: string; confidence?: Confidence }
  | undefined {
  const first = tokens[index]!;
  const second = tokens[index + 1]!;
  if (!isSpaceGap(text, first.end, second.start)) return undefined;
  const firstFacts = facts[index]!;
  const secondFacts = facts[index + 1]!;
  // A compound of two or three words starts with a beginning of a listed compound.
  const fusedPair = firstFacts.mayBeginCompound ? firstFacts.fused + secondFacts.fused : undefined;
  if (fusedPair !== undefined && mayBeginCompound(fusedPair, lexicon)) {
    const third = tokens[index + 2];
    if (third && isSpaceGap(text, second.end, third.start)) {
      const compound = compoundSpelling(fusedPair + facts[index + 2]!.fused, lexicon);
      if (compound !== undefined)
        return { start: first.start, end: third.end, replacement: compound, rule: "zwnj-compound" };
    }
    const compound = compoundSpelling(fusedPair, lexicon);
    if (compound !== undefined)
      return { start: first.start, end: second.end, replacement: compound, rule: "zwnj-compound" };
  }
  // Only a verb prefix before or a suffix after joins: most pairs are neither, and need no lookup.
  if (!firstFacts.joinsWordAfter && !secondFacts.joinsWordBefore) return undefined;
  const replacement = joinedSpelling(firstFacts.lastPart, second.word, lexicon);
  if (replacement === undefined) return undefined;
  const start = first.end - firstFacts.lastPart.length;
  return {
    start,
    end: second.end,
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
