/** Character classes shared by the Persian typography rules. */

export const ZWNJ = "\u200C";

// Letters of the Arabic script as Persian text uses them, plus tatweel and the combining marks
// (harakat, superscript alef) that may sit on them. Kept as source strings so that every rule
// builds its own regular expression with the flags it needs.
export const LETTER =
  "\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF";
export const MARK = "\\u0640\\u064B-\\u065F\\u0670";
const WORD_CHAR = `${LETTER}${MARK}`;

/** One Persian word: letters, possibly split by ZWNJ into parts. */
export const PERSIAN_WORD = new RegExp(`[${WORD_CHAR}]+(?:\\u200C[${WORD_CHAR}]+)*`, "gu");

// One flag per UTF-16 code unit, computed from WORD_CHAR itself so that the two never disagree:
// the scanners test one code unit per character of every article, where a RegExp costs too much.
// Made on first use, not at load: the search page bundles this module and may never need it.
let wordCharCodes: Uint8Array | undefined;

function markMatchingCodeUnits(pattern: RegExp): Uint8Array {
  const table = new Uint8Array(0x10000);
  let everyUnit = "";
  // Surrogates are left out: alone they are no character, and WORD_CHAR has none.
  for (let code = 0; code < 0x10000; code++) {
    if (code < 0xd800 || code > 0xdfff) everyUnit += String.fromCharCode(code);
  }
  for (const match of everyUnit.matchAll(pattern)) table[match[0].charCodeAt(0)] = 1;
  return table;
}

/** Whether the UTF-16 code unit `code` is a letter or mark of a Persian word (PERSIAN_WORD). */
export function isWordCharCode(code: number): boolean {
  wordCharCodes ??= markMatchingCodeUnits(new RegExp(`[${WORD_CHAR}]`, "gu"));
  return wordCharCodes[code] === 1;
}

const PERSIAN_LETTER = new RegExp(`^[${LETTER}]$`, "u");

// Letters that never join the letter after them (Unicode joining type R). A ZWNJ after them is
// invisible, so a suffix is simply written fused: کشورها، بارها.
const RIGHT_JOINING_ONLY = new Set("ءآأؤإاةدذرزژوۀەٱۆۇۈۉۊۋۏ");

export function isPersianLetter(char: string | undefined): boolean {
  return char !== undefined && PERSIAN_LETTER.test(char);
}

/** Whether the last letter of `word` joins the next one, so that a suffix needs a ZWNJ. */
export function endsWithJoiningLetter(word: string): boolean {
  const last = [...word.replace(/[\u064B-\u065F\u0670]+$/u, "")].at(-1);
  return isPersianLetter(last) && !RIGHT_JOINING_ONLY.has(last!);
}
