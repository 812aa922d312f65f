/**
 * Spans of plain text that typography rules must leave byte for byte: code, URLs, e-mail
 * addresses, numbers with separators. Latin words need no protection: no rule touches Latin.
 */

export interface Span {
  start: number;
  end: number;
}

// Each pattern comes with a substring it cannot match without: the e-mail pattern retries at
// every letter of a long Persian text, so it runs only when there is an @ at all.
type Pattern = readonly [needle: string | RegExp, pattern: RegExp];

const CODE_AND_LINKS: readonly Pattern[] = [
  ["`", /`[^`\n]*`/gu], // inline code
  [/:\/\//u, /\b(?:https?|ftp):\/\/[^\s<>"«»]+/giu],
  [/www\./iu, /\bwww\.[^\s<>"«»]+/giu],
  ["@", /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu], // e-mail
];
const NUMBERS: readonly Pattern[] = [[/\p{Nd}[.,:/٫٬]\p{Nd}/u, /\p{Nd}+(?:[.,:/٫٬]\p{Nd}+)+/gu]]; // 1,000  3.5  12:30  1399/07/01

// Any of the needles of CODE_AND_LINKS, in one scan: most prose has none of them.
const ANY_CODE_OR_LINK_NEEDLE = /[`@]|:\/\/|www\./iu;

/** Code spans, URLs and e-mail addresses: no character in them may change. */
export function findCodeAndLinkSpans(text: string): Span[] {
  if (!ANY_CODE_OR_LINK_NEEDLE.test(text)) return [];
  return findSpans(text, CODE_AND_LINKS);
}

/** Code, links, and numbers whose separators must not be respaced. */
export function findProtectedSpans(text: string): Span[] {
  return findSpans(text, [...CODE_AND_LINKS, ...NUMBERS]);
}

function findSpans(text: string, patterns: readonly Pattern[]): Span[] {
  const spans: Span[] = [];
  for (const [needle, pattern] of patterns) {
    if (typeof needle === "string" ? !text.includes(needle) : !needle.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}
