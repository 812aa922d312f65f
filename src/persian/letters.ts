import { assertText, applyEdits, type Edit } from "./text-edits.ts";
import { findCodeAndLinkSpans, overlapsAny } from "./protected-spans.ts";

// Every mapping is one UTF-16 unit to one, so offsets in the normalised text are offsets in the
// original: the other rules rely on that to report positions in the text the editor wrote.
const LETTER_MAP: Record<string, string> = {
  "\u064A": "ی", // ARABIC LETTER YEH
  "\u0649": "ی", // ARABIC LETTER ALEF MAKSURA: Persian writes every final ye as ی
  "\u0643": "ک", // ARABIC LETTER KAF
  "٠": "۰",
  "١": "۱",
  "٢": "۲",
  "٣": "۳",
  "٤": "۴",
  "٥": "۵",
  "٦": "۶",
  "٧": "۷",
  "٨": "۸",
  "٩": "۹",
};

// ة (teh marbuta) is deliberately left alone: Persian keeps it in some Arabic loans
// (دایرةالمعارف) and which ones is a per-word editorial decision no list here settles.
const ARABIC_FORMS = /[\u064A\u0649\u0643\u0660-\u0669]/gu;
// The same test without the global flag's state: most text has no Arabic form at all, and one
// scan for any says so before code spans are searched for.
const ANY_ARABIC_FORM = new RegExp(ARABIC_FORMS.source, "u");

/** Edits that replace Arabic letters and digits with their Persian forms. */
export function letterEdits(text: string): Edit[] {
  assertText(text, "letterEdits");
  if (!ANY_ARABIC_FORM.test(text)) return [];
  const spans = findCodeAndLinkSpans(text);
  const edits: Edit[] = [];
  for (const match of text.matchAll(ARABIC_FORMS)) {
    if (overlapsAny(spans, match.index, match.index + 1)) continue;
    const isDigit = /\p{Nd}/u.test(match[0]);
    edits.push({
      start: match.index,
      end: match.index + 1,
      replacement: LETTER_MAP[match[0]]!,
      rule: isDigit ? "arabic-digit" : "arabic-letter",
      confidence: "high",
    });
  }
  return edits;
}

/**
 * Replace Arabic ي ى ك and Arabic-Indic digits ٠-٩ with Persian ی ک ۰-۹, leaving code, URLs and
 * e-mail addresses untouched. The result has the same length as the input.
 */
export function normalizeLetters(text: string): string {
  assertText(text, "normalizeLetters");
  const edits = letterEdits(text);
  return edits.length === 0 ? text : applyEdits(text, edits);
}
