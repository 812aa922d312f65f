import { describe, expect, it } from "vitest";
import {
  cleanFeedText,
  htmlText,
  stripForbiddenCharacters,
  xmlAttribute,
  xmlText,
} from "../../src/feeds/xml-text.ts";
import { parseXmlStrict } from "../support/xml.ts";

const readText = (xml: string) => parseXmlStrict(`<t>${xml}</t>`).documentElement!.textContent;
const readAttribute = (xml: string) =>
  parseXmlStrict(`<t a="${xml}"/>`).documentElement!.getAttribute("a");

// Line ends to XML 1.1, and to some XML 1.0 parsers (xmldom): written raw, they come back as LF.
// The feeds' property test found U+2028 (tests/unit/feeds-properties.test.ts).
const LINE_SEPARATORS = ["line\u2028separator", "paragraph\u2029separator"];

describe("stripForbiddenCharacters", () => {
  it.each([
    ["NUL", "\u0000"],
    ["a C0 control", "\u0001"],
    ["ESC", "\u001B"],
    ["vertical tab", "\u000B"],
    ["form feed", "\u000C"],
    ["DEL", "\u007F"],
    ["a C1 control (NEL)", "\u0085"],
    ["the last C1 control", "\u009F"],
    ["the replacement character U+FFFD (a decoding error's mark)", "\uFFFD"],
    ["U+FFFE", "\uFFFE"],
    ["U+FFFF", "\uFFFF"],
    ["a noncharacter of the Arabic presentation block", "\uFDD0"],
    ["a plane-1 noncharacter U+1FFFE", "\u{1FFFE}"],
    ["a plane-16 noncharacter U+10FFFF", "\u{10FFFF}"],
    ["a lone high surrogate", "\uD800"],
    ["a lone low surrogate", "\uDC00"],
  ])("removes %s", (_name, char) => {
    expect(stripForbiddenCharacters(`الف${char}ب`)).toBe("الفب");
  });

  it.each([
    ["tab", "\t"],
    ["line feed", "\n"],
    ["carriage return", "\r"],
    ["an emoji (a surrogate pair)", "😀"],
    ["a bidi override", "\u202E"],
    ["the right-to-left mark", "\u200F"],
    ["the zero-width non-joiner", "\u200C"],
    ["a plane-1 letter", "\u{10900}"],
  ])("keeps %s", (_name, char) => {
    expect(stripForbiddenCharacters(`الف${char}ب`)).toBe(`الف${char}ب`);
  });
});

describe("cleanFeedText", () => {
  it("turns CRLF and CR into LF, as XML parsers would", () => {
    expect(cleanFeedText("یک\r\nدو\rسه\n")).toBe("یک\nدو\nسه\n");
  });
});

describe("xmlText", () => {
  it.each([
    "a & b",
    "x < y > z",
    "]]>",
    "<![CDATA[x]]>",
    "-- <!-- -->",
    `"quotes" 'both'`,
    "تروریست‌ها 😀 \u202Eعکس",
    "tab\tand\nnewline",
    ...LINE_SEPARATORS,
  ])("gives an XML parser %j back exactly", (value) => {
    expect(readText(xmlText(value))).toBe(value);
  });

  it("never writes CDATA or a raw ]]>", () => {
    expect(xmlText("]]> <![CDATA[")).not.toMatch(/]]>|<!\[CDATA\[/);
  });

  it("keeps a lone carriage return as a character reference, so it survives parsing", () => {
    expect(readText(xmlText("a\rb"))).toBe("a\rb");
  });

  it("drops forbidden characters so the document stays well-formed", () => {
    expect(readText(xmlText("a\u0000b\u0001c\uFFFEd"))).toBe("abcd");
  });
});

describe("xmlAttribute", () => {
  it.each([
    `"quoted" & <tagged>`,
    "tab\there",
    "line\nbreak",
    "cr\rhere",
    "'single'",
    ...LINE_SEPARATORS,
  ])("gives an XML parser %j back exactly", (value) => {
    expect(readAttribute(xmlAttribute(value))).toBe(value);
  });
});

describe("htmlText", () => {
  it("escapes exactly the characters HTML text needs", () => {
    expect(htmlText(`<b> & "q" 'a'`)).toBe(`&lt;b&gt; &amp; "q" 'a'`);
  });
});
