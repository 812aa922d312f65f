/**
 * The XML writer's text rules: what can never reach a feed, and how text and attribute values are
 * escaped. Front matter already rejects control characters, but article bodies are not checked,
 * so the writer itself guarantees a well-formed document whatever it is given.
 */

// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Also removed: DEL and the C1 controls, which XML 1.0 discourages and the W3C Feed Validation
// Service reports ("BadCharacters"), the other noncharacters (U+FDD0–U+FDEF, U+nFFFE/nFFFF) and
// U+FFFD, the mark of an earlier decoding error (markdown-it writes it for NUL), which the
// validator and XML parsers report too. Lone surrogates are broken UTF-16 no encoder can write.
const NOT_IN_FEEDS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD-\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// The UTF-16 units NOT_IN_FEEDS can start with: one scan without the `u` flag and without
// lookarounds clears almost every text before the exact pattern runs.
const MAYBE_NOT_IN_FEEDS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFD-\uFFFF]/;

/** Remove every character that must not reach a feed (see above); everything else is kept. */
export function stripForbiddenCharacters(value: string): string {
  if (!MAYBE_NOT_IN_FEEDS.test(value)) return value;
  return value.replace(NOT_IN_FEEDS, "");
}

/**
 * Text as a feed carries it: forbidden characters removed and line endings as LF. XML parsers
 * turn CR and CRLF into LF anyway; doing it here keeps the JSON Feed saying exactly the same.
 */
export function cleanFeedText(value: string): string {
  return stripForbiddenCharacters(value).replace(/\r\n?/g, "\n");
}

// U+2028 and U+2029 are line ends to XML 1.1 and to some XML 1.0 parsers (xmldom), which turn
// them into LF; a character reference is never normalised, so every reader gets them back.
const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#xD;",
  "\u2028": "&#x2028;",
  "\u2029": "&#x2029;",
};

// Attribute values are normalised by XML parsers (tab and line breaks become spaces): character
// references keep them exact.
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "\t": "&#x9;",
  "\n": "&#xA;",
};

/**
 * Character data for an XML element. `>` is escaped too, so `]]>` can never appear; nothing is
 * ever wrapped in CDATA.
 */
export function xmlText(value: string): string {
  return stripForbiddenCharacters(value).replace(
    /[&<>\r\u2028\u2029]/g,
    (char) => TEXT_ESCAPES[char]!,
  );
}

/** A double-quoted XML attribute value. */
export function xmlAttribute(value: string): string {
  return stripForbiddenCharacters(value).replace(
    /[&<>"\t\n\r\u2028\u2029]/g,
    (char) => ATTRIBUTE_ESCAPES[char]!,
  );
}

/**
 * Plain text as HTML text: for fields that readers treat as HTML (RSS `<description>`, Atom
 * `type="html"`), so `<b>` in a lead is shown as written rather than taken for markup.
 */
export function htmlText(value: string): string {
  return value.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char]!);
}
