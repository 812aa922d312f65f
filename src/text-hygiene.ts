/**
 * Characters that must never reach a page or a feed from front matter.
 * They are rejected rather than silently removed: a bidi override or a control character in a
 * title is either a paste accident or an attack, and an editor should see it either way.
 */

// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

const CHARACTER_NAMES: Record<string, string> = {
  "\u202A": "LEFT-TO-RIGHT EMBEDDING",
  "\u202B": "RIGHT-TO-LEFT EMBEDDING",
  "\u202C": "POP DIRECTIONAL FORMATTING",
  "\u202D": "LEFT-TO-RIGHT OVERRIDE",
  "\u202E": "RIGHT-TO-LEFT OVERRIDE",
  "\u2066": "LEFT-TO-RIGHT ISOLATE",
  "\u2067": "RIGHT-TO-LEFT ISOLATE",
  "\u2068": "FIRST STRONG ISOLATE",
  "\u2069": "POP DIRECTIONAL ISOLATE",
  "\uFEFF": "BYTE ORDER MARK",
};

function describe(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[char];
  return name ? `${code} ${name}` : code;
}

/** What is wrong with a text value, or `undefined` when it is clean. */
export function findForbiddenCharacter(text: string): string | undefined {
  if (!text.isWellFormed()) return "a lone surrogate (broken UTF-16)";
  const forbidden = XML_FORBIDDEN.exec(text) ?? BIDI_CONTROLS.exec(text) ?? /\uFEFF/u.exec(text);
  if (!forbidden) return undefined;
  const kind = BIDI_CONTROLS.test(forbidden[0])
    ? "a bidi control character"
    : forbidden[0] === "\uFEFF"
      ? "a byte order mark"
      : "a control character";
  return `${kind} (${describe(forbidden[0])}) at position ${forbidden.index + 1}`;
}

/** Line endings as LF and no leading byte order mark: CRLF files build the same as LF ones. */
export function normalizeSourceText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
