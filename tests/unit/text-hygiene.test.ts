import { describe, expect, it } from "vitest";
import {
  characterPosition,
  displayValue,
  findForbiddenCharacter,
  findForbiddenCharacters,
  isVisiblyEmpty,
  normalizeSourceText,
} from "../../src/text-hygiene.ts";

describe("findForbiddenCharacter", () => {
  it.each([
    ["\u202Eabc", /^a bidi control character \(U\+202E RIGHT-TO-LEFT OVERRIDE\) at position 1$/],
    ["a\u2066b", /U\+2066 LEFT-TO-RIGHT ISOLATE/],
    ["a\u202Ab", /U\+202A LEFT-TO-RIGHT EMBEDDING/],
    ["a\u0007b", /^a control character \(U\+0007\) at position 2$/],
    ["a\u0000b", /control character \(U\+0000\)/],
    ["a\rb", /control character \(U\+000D CARRIAGE RETURN\)/],
    ["a\u007Fb", /control character \(U\+007F DELETE\)/],
    ["a\u0085b", /control character \(U\+0085 NEXT LINE\)/],
    ["a\u009Fb", /control character \(U\+009F\)/],
    ["a\uFEFFb", /^a byte order mark \(U\+FEFF BYTE ORDER MARK\) at position 2$/],
    ["a\uFDD0b", /noncharacter \(U\+FDD0\)/],
    ["a\uFFFEb", /noncharacter \(U\+FFFE\)/],
    ["a\u{1FFFF}b", /noncharacter \(U\+1FFFF\)/],
    ["a\u2028b", /line or paragraph separator \(U\+2028 LINE SEPARATOR\)/],
    ["a\u2029b", /line or paragraph separator \(U\+2029 PARAGRAPH SEPARATOR\)/],
    [
      "a\uFFFDb",
      /replacement character \(is the file saved as UTF-8\?\) \(U\+FFFD REPLACEMENT CHARACTER\)/,
    ],
    ["a\uD800b", /^a lone surrogate \(broken UTF-16\) at position 2$/],
    ["a\uDC00b", /lone surrogate/],
    // Positions count characters, as editors do: the emoji before the override is one.
    ["😀\u202E", /at position 2$/],
  ])("rejects %j", (text, message) => {
    expect(findForbiddenCharacter(text)).toMatch(message);
  });

  it.each([
    "تروریست‌ها",
    "emoji 🇮🇷 ok",
    "tab\tand\nnewline",
    "RLM \u200F and LRM \u200E marks",
    "ALM \u061C",
    "a\u{10FFFD}",
    "\u{1F600}",
  ])("accepts %j", (text) => {
    expect(findForbiddenCharacter(text)).toBeUndefined();
  });
});

describe("findForbiddenCharacters", () => {
  it("finds every one, with its UTF-16 index", () => {
    expect(
      findForbiddenCharacters("a\u202Eb\u0001\uD800c\u{1FFFE}").map(({ char, index }) => [
        char,
        index,
      ]),
    ).toEqual([
      ["\u202E", 1],
      ["\u0001", 3],
      ["\uD800", 4],
      ["\u{1FFFE}", 6],
    ]);
  });

  it("does not mistake a surrogate pair for two lone surrogates", () => {
    expect(findForbiddenCharacters("😀🇮🇷")).toEqual([]);
  });
});

describe("characterPosition", () => {
  it("counts characters, not UTF-16 units", () => {
    expect(characterPosition("😀ab", 3)).toBe(3);
  });
});

describe("displayValue", () => {
  it("shows Persian as it is and every forbidden character as an escape", () => {
    expect(displayValue("خبر\u202Eفوری")).toBe('"خبر\\u202Eفوری"');
    expect(displayValue("نیم‌فاصله")).toBe('"نیم‌فاصله"');
    expect(displayValue("a\u0001\uD800")).toBe('"a\\u0001\\uD800"');
  });

  it("leaves an escaped backslash followed by u alone", () => {
    expect(displayValue("\\u0041")).toBe('"\\\\u0041"');
  });
});

describe("isVisiblyEmpty", () => {
  it.each(["", " ", "\u200C", "\u200F \u200E", "\u00AD\u200B\u2060"])("is true for %j", (text) => {
    expect(isVisiblyEmpty(text)).toBe(true);
  });

  it.each(["؟", "a", "\u200Cب", "۱"])("is false for %j", (text) => {
    expect(isVisiblyEmpty(text)).toBe(false);
  });
});

describe("normalizeSourceText", () => {
  it("turns CRLF and CR into LF and drops a leading BOM", () => {
    expect(normalizeSourceText("\uFEFF---\r\na: 1\r---\n")).toBe("---\na: 1\n---\n");
  });

  it("keeps a BOM that is not at the start, for validation to report", () => {
    expect(normalizeSourceText("a\uFEFFb")).toBe("a\uFEFFb");
  });
});
