/**
 * The typography rules take fast paths: a word scanner instead of a RegExp, facts remembered per
 * word, a table of compound forms, a filter on neighbouring words, needles tested before
 * patterns. Each is pinned here to the slow result it stands for — the straightforward
 * composition of the same rules — on the typography fixtures, damaged copies of them and random
 * text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERSIAN_WORD } from "../../src/persian/chars.ts";
import { findCompoundSpelling } from "../../src/persian/compounds.ts";
import { repairFusedWord } from "../../src/persian/fused-words.ts";
import { findJoinedSpelling } from "../../src/persian/joined-words.ts";
import { normalizeLetters } from "../../src/persian/letters.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";
import { NON_PROSE_INLINE } from "../../src/persian/markdown-lint.ts";
import {
  findCodeAndLinkSpans,
  findProtectedSpans,
  overlapsAny,
} from "../../src/persian/protected-spans.ts";
import { punctuationEdits, SPACING_RULES } from "../../src/persian/punctuation.ts";
import type { Edit } from "../../src/persian/text-edits.ts";
import { zwnjEdits } from "../../src/persian/zwnj.ts";
import { damagedCopies, fixtureTexts, wordsOf } from "../support/typography-samples.ts";

const Z = "\u200C";
const fixtures = fixtureTexts();
const texts = [...fixtures, ...fixtures.flatMap(damagedCopies)];

// ----- the slow results ------------------------------------------------------------------------

const ONE_WORD_CHAR = new RegExp(`^(?:${PERSIAN_WORD.source})$`, "u");
const isWordChar = (char: string | undefined): boolean =>
  char !== undefined && ONE_WORD_CHAR.test(char);
const fuse = (word: string): string => word.replaceAll(Z, "");
const lastPart = (word: string): string => word.slice(word.lastIndexOf(Z) + 1);

/** zwnjEdits as the rules read without any fast path: every pair of words asks every rule. */
function slowZwnjEdits(text: string): Array<Edit & { fixable: boolean }> {
  const view = normalizeLetters(text);
  const lexicon = getLexicon();
  const spans = findCodeAndLinkSpans(view);
  const tokens = [...view.matchAll(PERSIAN_WORD)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }))
    .filter((token) => !overlapsAny(spans, token.start, token.end));
  const stray: Array<Edit & { fixable: boolean }> = [];
  for (const match of view.matchAll(/\u200C+/gu)) {
    const [start, end] = [match.index, match.index + match[0].length];
    const between = isWordChar(view[start - 1]) && isWordChar(view[end]);
    if (overlapsAny(spans, start, end) || (between && end - start === 1)) continue;
    const replacement = between ? Z : "";
    stray.push({ start, end, replacement, rule: "zwnj-stray", confidence: "high", fixable: true });
  }
  const isGap = (start: number, end: number): boolean =>
    end > start && /^[ \u00A0]+$/u.test(view.slice(start, end));
  const separated: Array<Edit & { fixable: boolean }> = [];
  for (let index = 0; index + 1 < tokens.length; index++) {
    const [first, second, third] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]];
    if (!isGap(first.end, second.start)) continue;
    const compound = (end: number, words: string): (Edit & { fixable: boolean }) | undefined => {
      const spelling = findCompoundSpelling(fuse(words), lexicon);
      if (spelling === undefined) return undefined;
      const rule = "zwnj-compound";
      return {
        start: first.start,
        end,
        replacement: spelling,
        rule,
        confidence: "high",
        fixable: true,
      };
    };
    const found =
      (third && isGap(second.end, third.start)
        ? compound(third.end, first.word + second.word + third.word)
        : undefined) ?? compound(second.end, first.word + second.word);
    if (found) {
      separated.push(found);
      continue;
    }
    const joined = findJoinedSpelling(lastPart(first.word), second.word, lexicon);
    if (joined === undefined) continue;
    separated.push({
      start: first.end - lastPart(first.word).length,
      end: second.end,
      replacement: joined.text,
      rule: joined.rule,
      confidence: joined.confidence ?? "high",
      fixable: true,
    });
  }
  const fused: Array<Edit & { fixable: boolean }> = [];
  for (const token of tokens) {
    let offset = token.start;
    for (const part of token.word.split(Z)) {
      const repair = repairFusedWord(part, lexicon);
      if (repair) fused.push({ start: offset, end: offset + part.length, ...repair });
      offset += part.length + 1;
    }
  }
  return [...stray, ...separated, ...fused];
}

/** punctuationEdits with every rule run on the whole text and the protected spans found first. */
function slowPunctuationEdits(text: string): Edit[] {
  const spans = findProtectedSpans(text);
  const edits: Edit[] = [];
  for (const { rule, pattern, replacement } of SPACING_RULES) {
    for (const match of text.matchAll(pattern)) {
      const [start, end] = [match.index, match.index + match[0].length];
      const touches =
        start === end
          ? spans.some((span) => span.start < start && start < span.end)
          : overlapsAny(spans, start, end);
      const replaced = replacement(match);
      if (!touches && replaced !== match[0])
        edits.push({ start, end, replacement: replaced, rule, confidence: "high" });
    }
  }
  return edits;
}

// Random text from the fixtures' words, the words rules join, and what separates or protects them.
const randomText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...wordsOf(fixtures)),
      fc.constantFrom(
        "می",
        "نمی",
        "ها",
        "های",
        "ترین",
        "تر",
        "اند",
        "ای",
        "بین",
        "المللی",
        "گفت",
        "و",
        "گو",
      ),
      fc.constantFrom(" ", " ", " ", "  ", "\u00A0", Z, `${Z}${Z}`, "،", "؛", "؟", ".", "!", ":"),
      fc.constantFrom(
        ",",
        ";",
        "?",
        "«",
        "»",
        "(",
        ")",
        "\t",
        "1,000",
        "۳.۵",
        "`کد`",
        "https://a.ir/ب",
        "a@b.ir",
      ),
      fc.constantFrom("ي", "ك", "٢", "\u064E", "ـ", "x"),
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(""));

// ----- the pins --------------------------------------------------------------------------------

describe("zwnjEdits equals the rules without fast paths", () => {
  it("on every fixture sentence and word, and damaged copies of them", () => {
    const differences = texts.filter(
      (text) => JSON.stringify(zwnjEdits(text)) !== JSON.stringify(slowZwnjEdits(text)),
    );
    expect(differences).toEqual([]);
  });

  it.each([
    ["گفت و گو", "a compound of three words"],
    ["بین المللی", "a compound of two words"],
    ["بین المللی ها", "a compound and a suffix"],
    ["بین و", "a beginning of a compound that is none"],
    [`تروریست${Z} ها`, "a ZWNJ before a space"],
    ["می  رود", "two spaces between prefix and verb"],
    ["می\u00A0رود", "a no-break space"],
    ["می\tرود تروریست\tها", "a tab, which joins nothing"],
    ["تروریست\nها", "a line break, which joins nothing"],
    ["`می رود` می رود", "code"],
    ["https://a.ir/می رود", "a URL"],
  ])("on %j (%s)", (text) => {
    expect(zwnjEdits(text)).toStrictEqual(slowZwnjEdits(text));
  });

  it("on random text", () => {
    fc.assert(
      fc.property(randomText, (text) => {
        expect(zwnjEdits(text)).toStrictEqual(slowZwnjEdits(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("punctuationEdits equals every rule run on the whole text", () => {
  it("on every fixture sentence and word, and damaged copies of them", () => {
    const differences = texts.filter(
      (text) =>
        JSON.stringify(punctuationEdits(text)) !== JSON.stringify(slowPunctuationEdits(text)),
    );
    expect(differences).toEqual([]);
  });

  it("on random text", () => {
    fc.assert(
      fc.property(randomText, (text) => {
        expect(punctuationEdits(text)).toStrictEqual(slowPunctuationEdits(text));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(SPACING_RULES.map((rule, index) => [index, rule.rule, rule] as const))(
    "rule %i (%s) never matches where its needle is missing",
    (_index, _name, { pattern, needle }) => {
      fc.assert(
        fc.property(randomText, (text) => {
          if (!needle.test(text)) expect([...text.matchAll(pattern)]).toEqual([]);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe("non-prose Markdown patterns", () => {
  const markdownLine = fc
    .array(
      fc.oneof(
        fc.constantFrom("متن", " ", "`", "``", "<", ">", "<!--", "-->", "](", "[", "]", "(", ")"),
        fc.constantFrom(
          "{%",
          "%}",
          "{{",
          "}}",
          "{",
          "}",
          "://",
          "https",
          "HTTP",
          "ftp",
          "mailto:",
          "a",
          "/",
        ),
      ),
      { maxLength: 25 },
    )
    .map((pieces) => pieces.join(""));

  it.each(NON_PROSE_INLINE.map(([needle, pattern]) => [needle, pattern] as const))(
    "%j: the pattern never matches where the needle is missing",
    (needle, pattern) => {
      fc.assert(
        fc.property(markdownLine, (line) => {
          if (!line.includes(needle)) expect([...line.matchAll(pattern)]).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    },
  );
});
