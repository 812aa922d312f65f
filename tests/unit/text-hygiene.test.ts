import { describe, expect, it } from "vitest";
import { findForbiddenCharacter, normalizeSourceText } from "../../src/text-hygiene.ts";

describe("findForbiddenCharacter", () => {
  it.each([
    ["\u202Eabc", /U\+202E RIGHT-TO-LEFT OVERRIDE/],
    ["a\u2066b", /U\+2066 LEFT-TO-RIGHT ISOLATE/],
    ["a\u0007b", /control character \(U\+0007\) at position 2/],
    ["a\uFEFFb", /byte order mark/],
    ["a\uD800b", /lone surrogate/],
  ])("rejects %j", (text, message) => {
    expect(findForbiddenCharacter(text)).toMatch(message);
  });

  it.each(["تروریست‌ها", "emoji 🇮🇷 ok", "tab\tand\nnewline", "RLM \u200F and LRM \u200E marks"])("accepts %j", (text) => {
    expect(findForbiddenCharacter(text)).toBeUndefined();
  });
});

describe("normalizeSourceText", () => {
  it("turns CRLF and CR into LF and drops a leading BOM", () => {
    expect(normalizeSourceText("\uFEFF---\r\na: 1\r---\n")).toBe("---\na: 1\n---\n");
  });
});
