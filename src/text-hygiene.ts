/**
 * Characters that must never reach a page or a feed, from front matter or from a Markdown body.
 *
 * They are rejected, never silently removed: each is either a paste accident or an attack, an
 * editor should see it either way, and removing one is not provably harmless (a vertical tab
 * pasted from a word processor separates two words; dropping a bidi embedding reorders what the
 * reader sees). Only two things are normalised, because they change nothing a reader sees: CRLF
 * or CR line endings become LF, and a byte order mark at the very start of a file is dropped.
 * See README, "When the build fails".
 */

/**
 * The forbidden classes, first match wins:
 * - control characters: C0 except tab and line feed (XML 1.0 forbids most of them; a carriage
 *   return left in a value, which only an explicit YAML "\r" escape can put there, would not
 *   survive XML or HTML parsing, which turn it into a line feed), DEL and C1 (HTML parse errors;
 *   C1 "next line" is invisible and breaks lines in some readers);
 * - noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (XML 1.0 forbids
 *   U+FFFE/U+FFFF; HTML calls all of them parse errors);
 * - bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they make the
 *   order a reader sees differ from the order of the text ("Trojan Source");
 * - a byte order mark inside the text (U+FEFF): a zero-width joiner left over from concatenation;
 * - line and paragraph separators (U+2028, U+2029): invisible line breaks that some XML parsers
 *   turn into line feeds, so a feed reader would not get the text the page shows;
 * - the replacement character (U+FFFD): the mark of a file that is not UTF-8 (a Windows-1256
 *   file read as UTF-8 is full of them), which feeds drop, so it is never worth publishing.
 * Lone surrogates (broken UTF-16) are found separately, with `isWellFormed`.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const BYTE_ORDER_MARK = /\uFEFF/u;
const LINE_SEPARATOR = /[\u2028\u2029]/u;
const REPLACEMENT = /\uFFFD/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const FORBIDDEN_CLASSES = [
  { pattern: CONTROL, kind: "a control character" },
  { pattern: NONCHARACTER, kind: "a noncharacter" },
  { pattern: BIDI_CONTROL, kind: "a bidi control character" },
  { pattern: BYTE_ORDER_MARK, kind: "a byte order mark" },
  { pattern: LINE_SEPARATOR, kind: "a line or paragraph separator" },
  { pattern: REPLACEMENT, kind: "a replacement character (is the file saved as UTF-8?)" },
] as const;

/** Every forbidden character at once, for scanning a whole body; `u` so astral noncharacters match. */
const ANY_FORBIDDEN = new RegExp(
  `${FORBIDDEN_CLASSES.map(({ pattern }) => pattern.source).join("|")}|[\\uD800-\\uDFFF]`,
  "gu",
);

const CHARACTER_NAMES: Record<string, string> = {
  "\u000B": "LINE TABULATION",
  "\u000C": "FORM FEED",
  "\u000D": "CARRIAGE RETURN",
  "\u007F": "DELETE",
  "\u00AD": "SOFT HYPHEN",
  "\u061C": "ARABIC LETTER MARK",
  "\u200B": "ZERO WIDTH SPACE",
  "\u200C": "ZERO WIDTH NON-JOINER",
  "\u200D": "ZERO WIDTH JOINER",
  "\u200E": "LEFT-TO-RIGHT MARK",
  "\u200F": "RIGHT-TO-LEFT MARK",
  "\u2060": "WORD JOINER",
  "\u0085": "NEXT LINE",
  "\u202A": "LEFT-TO-RIGHT EMBEDDING",
  "\u202B": "RIGHT-TO-LEFT EMBEDDING",
  "\u202C": "POP DIRECTIONAL FORMATTING",
  "\u202D": "LEFT-TO-RIGHT OVERRIDE",
  "\u202E": "RIGHT-TO-LEFT OVERRIDE",
  "\u2066": "LEFT-TO-RIGHT ISOLATE",
  "\u2067": "RIGHT-TO-LEFT ISOLATE",
  "\u2068": "FIRST STRONG ISOLATE",
  "\u2069": "POP DIRECTIONAL ISOLATE",
  "\u2028": "LINE SEPARATOR",
  "\u2029": "PARAGRAPH SEPARATOR",
  "\uFEFF": "BYTE ORDER MARK",
  "\uFFFD": "REPLACEMENT CHARACTER",
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or just `U+0001` for characters without a name here. */
export function describeCharacter(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[char];
  return name ? `${code} ${name}` : code;
}

/** A forbidden character found in a text. */
export interface ForbiddenCharacter {
  /** The character itself (one code point, or one lone surrogate). */
  char: string;
  /** What kind of character it is, e.g. "a bidi control character". */
  kind: string;
  /** Its UTF-16 index in the text. */
  index: number;
}

function classify(char: string): string {
  if (/^[\uD800-\uDFFF]$/.test(char)) return "a lone surrogate (broken UTF-16)";
  return (
    FORBIDDEN_CLASSES.find(({ pattern }) => pattern.test(char))?.kind ?? "a forbidden character"
  );
}

// Every forbidden character is one of these UTF-16 units or is written with surrogates: a scan
// without the `u` flag clears almost every text in one fast pass, before the exact one.
const MAYBE_FORBIDDEN =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFEFF\uFFFD-\uFFFF]/;

/** Every forbidden character of a text, in order (a body may have many; all are reported). */
export function findForbiddenCharacters(text: string): ForbiddenCharacter[] {
  if (!MAYBE_FORBIDDEN.test(text)) return [];
  const found: ForbiddenCharacter[] = [];
  for (const match of text.matchAll(ANY_FORBIDDEN)) {
    const char = match[0];
    // A surrogate matched here is lone: well-formed pairs are consumed as one code point by `u`.
    found.push({ char, kind: classify(char), index: match.index });
  }
  return found;
}

/** The 1-based position of a UTF-16 index counted in characters (code points), as editors count. */
export function characterPosition(text: string, index: number): number {
  return Array.from(text.slice(0, index)).length + 1;
}

/** What is wrong with a front-matter value, or `undefined` when it is clean. */
export function findForbiddenCharacter(text: string): string | undefined {
  if (!MAYBE_FORBIDDEN.test(text)) return undefined;
  const lone = LONE_SURROGATE.exec(text);
  if (lone)
    return `a lone surrogate (broken UTF-16) at position ${characterPosition(text, lone.index)}`;
  const found = findForbiddenCharacters(text)[0];
  if (!found) return undefined;
  return `${found.kind} (${describeCharacter(found.char)}) at position ${characterPosition(text, found.index)}`;
}

function escapeCharacter(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * A value as it is shown in an error report: JSON-quoted, Persian left as it is, but every
 * forbidden character written as an escape, so a bidi override cannot reorder the report itself.
 */
export function displayValue(value: unknown, options: { escapeInvisible?: boolean } = {}): string {
  const json = JSON.stringify(value) ?? String(value);
  // A value made only of invisible characters would show as "" otherwise; in ordinary Persian
  // text ZWNJ and the marks stay as they are, since they are part of the words.
  const visible = options.escapeInvisible ? json.replace(INVISIBLE_FORMAT, escapeCharacter) : json;
  return (
    visible
      .replace(ANY_FORBIDDEN, escapeCharacter)
      // JSON's own escapes (C0 controls, lone surrogates) in the same upper-case style.
      .replace(
        /(?<!\\)((?:\\\\)*)\\u([0-9a-f]{4})/g,
        (_, backslashes: string, hex: string) => `${backslashes}\\u${hex.toUpperCase()}`,
      )
  );
}

/**
 * Format characters that show nothing: ZWNJ, ZWJ, the direction marks, soft hyphen, zero-width
 * space, word joiner. A title made only of these and whitespace is empty to a reader.
 */
const INVISIBLE = /[\s\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;
const INVISIBLE_FORMAT = /[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064]/gu;

/** True when a text has nothing a reader can see (whitespace and zero-width characters only). */
export function isVisiblyEmpty(text: string): boolean {
  return text.replace(INVISIBLE, "") === "";
}

/** The invisible characters of a visibly empty text, named: for an error that says what is there. */
export function describeInvisibleCharacters(text: string): string {
  const names = [...new Set(Array.from(text))].map((char) =>
    /\s/.test(char) && char.charCodeAt(0) < 0x80 ? "spaces" : describeCharacter(char),
  );
  return [...new Set(names)].join(", ");
}

/** Line endings as LF and no leading byte order mark: CRLF files build the same as LF ones. */
export function normalizeSourceText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
