/**
 * Spans of plain text that typography rules must leave byte for byte: code, URLs, e-mail
 * addresses, numbers with separators. Latin words need no protection: no rule touches Latin.
 */

export interface Span {
  start: number;
  end: number;
}

const CODE_AND_LINKS = [
  /`[^`\n]*`/gu, // inline code
  /\b(?:https?|ftp):\/\/[^\s<>"«»]+/giu,
  /\bwww\.[^\s<>"«»]+/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, // e-mail
];
const NUMBERS = [/\p{Nd}+(?:[.,:/٫٬]\p{Nd}+)+/gu]; // 1,000  3.5  12:30  1399/07/01

/** Code spans, URLs and e-mail addresses: no character in them may change. */
export function findCodeAndLinkSpans(text: string): Span[] {
  return findSpans(text, CODE_AND_LINKS);
}

/** Code, links, and numbers whose separators must not be respaced. */
export function findProtectedSpans(text: string): Span[] {
  return findSpans(text, [...CODE_AND_LINKS, ...NUMBERS]);
}

function findSpans(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}
