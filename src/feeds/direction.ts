/**
 * Right-to-left text in readers that drop `dir` and `lang`: Miniflux, FreshRSS, NetNewsWire and
 * others pick each block's direction from its first strong character (Unicode's rule P2, what
 * `dir="auto"` does). A Persian title that opens with a Latin word («iPhone ۱۵ …») or a number
 * would be laid out left-to-right, so such text gets an invisible RIGHT-TO-LEFT MARK in front.
 */

/** U+200F RIGHT-TO-LEFT MARK: a strong right-to-left character that takes no space. */
export const RLM = "\u200F";

// Letters in the blocks Unicode reserves for right-to-left scripts (their letters are all of bidi
// class R or AL): Hebrew to Arabic Extended-A, the Hebrew and Arabic presentation forms, and the
// two supplementary-plane right-to-left areas (Cypriot … Old Uyghur; Mende Kikakui, Adlam, …).
const RTL_STRONG =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
// The first character that decides direction: a letter, or one of the directional marks.
const FIRST_STRONG = /[\p{L}\u200E\u200F\u061C]/u;

/** Whether the first strong character of `text` is right-to-left (false when there is none). */
export function startsRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  if (first === undefined || first === "\u200E") return false;
  return first === RLM || first === "\u061C" || RTL_STRONG.test(first);
}

/**
 * `text` unchanged when it already starts right-to-left, otherwise with an RLM in front. Applied
 * to every block a reader shows on its own: titles, summaries, the content's first paragraph.
 */
export function rtlFirst(text: string): string {
  return startsRightToLeft(text) ? text : RLM + text;
}
