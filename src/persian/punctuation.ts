/**
 * Spacing around punctuation in Persian running text: no space before «، ؛ ؟ . ! :», one after;
 * no padding inside «» and (); one space between words. Code, URLs, e-mail addresses and numbers
 * such as 1,000 or 3.5 are never touched.
 */
import { LETTER, MARK } from "./chars.ts";
import { findProtectedSpans, overlapsAny, type Span } from "./protected-spans.ts";
import { applyUntilStable, assertText, type Edit } from "./text-edits.ts";

/** One spacing rule: every match of `pattern` is replaced by `replacement(match)`. */
export interface SpacingRule {
  rule: string;
  pattern: RegExp;
  /**
   * Text the pattern cannot match without, tested first: the patterns start with lookbehinds,
   * which a RegExp engine tries at every position of the text, while most prose needs no fix.
   */
  needle: RegExp;
  replacement: (match: RegExpMatchArray) => string;
}

const PERSIAN = `[${LETTER}${MARK}]`;
// What may close a Persian word or phrase before punctuation.
const WORD_END = `[${LETTER}${MARK}\\u200C۰-۹0-9»)\\]]`;
const GAP = "[ \\t\\u00A0]+";
const LATIN_TO_PERSIAN: Record<string, string> = { ",": "،", ";": "؛", "?": "؟" };

/** The rules in the order they report; exported so that tests can pin each needle to its pattern. */
export const SPACING_RULES: readonly SpacingRule[] = [
  {
    // «روسیه, آمریکا» → «روسیه، آمریکا»: a Latin comma after a Persian word is a keyboard slip.
    rule: "persian-punctuation",
    pattern: new RegExp(`(?<=${PERSIAN}(?:${GAP})?)[,;?](?=\\s|$|${PERSIAN})`, "gu"),
    needle: /[,;?]/u,
    replacement: (match) => LATIN_TO_PERSIAN[match[0]]!,
  },
  {
    rule: "space-before-punctuation",
    pattern: new RegExp(`(?<=\\S)${GAP}(?=[،؛؟])`, "gu"),
    needle: /[ \t\u00A0][،؛؟]/u,
    replacement: () => "",
  },
  {
    // . ! : only after a Persian word: Latin text and times (12 : 30) have their own conventions.
    rule: "space-before-punctuation",
    pattern: new RegExp(`(?<=${PERSIAN}[»)]?)${GAP}(?=[.!:](?![.\\d۰-۹]))`, "gu"),
    needle: /[ \t\u00A0][.!:]/u,
    replacement: () => "",
  },
  {
    rule: "space-after-punctuation",
    pattern: new RegExp(`(?<=[،؛؟])(?=${PERSIAN}|[«(])`, "gu"),
    needle: new RegExp(`[،؛؟](?:${PERSIAN}|[«(])`, "u"),
    replacement: () => " ",
  },
  {
    rule: "space-after-punctuation",
    pattern: new RegExp(`(?<=${PERSIAN}[.!:؟])(?=${PERSIAN}|«)`, "gu"),
    needle: new RegExp(`[.!:؟](?:${PERSIAN}|«)`, "u"),
    replacement: () => " ",
  },
  {
    rule: "space-inside-quotes",
    pattern: new RegExp(`(?<=[«(])${GAP}|${GAP}(?=[»)])`, "gu"),
    needle: /[«(][ \t\u00A0]|[ \t\u00A0][»)]/u,
    replacement: () => "",
  },
  {
    rule: "space-outside-quotes",
    pattern: new RegExp(`(?<=${WORD_END})(?=«)|(?<=»)(?=${PERSIAN}|[۰-۹0-9])`, "gu"),
    needle: new RegExp(`${WORD_END}«|»(?:${PERSIAN}|[۰-۹0-9])`, "u"),
    replacement: () => " ",
  },
  {
    // Between two words only: indentation and a Markdown hard break (two trailing spaces) are
    // structure, and | keeps table columns aligned.
    rule: "repeated-space",
    pattern: /(?<=[^\s|])[ \u00A0]{2,}(?=[^\s|])/gu,
    needle: /[ \u00A0]{2}/u,
    replacement: () => " ",
  },
];

// Every rule's needle in one scan: well-spaced prose, the usual case, is done with after it.
const ANY_NEEDLE = new RegExp(
  SPACING_RULES.map((rule) => `(?:${rule.needle.source})`).join("|"),
  "u",
);

/** Spacing edits for `text`, each naming its rule; none inside code, URLs or numbers. */
export function punctuationEdits(text: string): Edit[] {
  assertText(text, "punctuationEdits");
  if (!ANY_NEEDLE.test(text)) return [];
  // Looked for only once a rule matches: most text has no protected span to respect.
  let protectedSpans: Span[] | undefined;
  const edits: Edit[] = [];
  for (const { rule, pattern, needle, replacement } of SPACING_RULES) {
    if (!needle.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      protectedSpans ??= findProtectedSpans(text);
      if (touchesProtected(protectedSpans, start, end)) continue;
      const replaced = replacement(match);
      if (replaced !== match[0])
        edits.push({ start, end, replacement: replaced, rule, confidence: "high" });
    }
  }
  return edits;
}

// An insertion (start === end) at the edge of a span is outside it: "`code`،متن" still gets its space.
function touchesProtected(spans: readonly Span[], start: number, end: number): boolean {
  if (start !== end) return overlapsAny(spans, start, end);
  return spans.some((span) => span.start < start && start < span.end);
}

/**
 * Fix punctuation spacing: «،» «؛» «؟» get no space before and one after, «» and () lose inner
 * padding, repeated spaces between words collapse to one.
 */
export function fixPunctuationSpacing(text: string): string {
  assertText(text, "fixPunctuationSpacing");
  return applyUntilStable(text, punctuationEdits);
}
