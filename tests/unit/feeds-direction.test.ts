import { describe, expect, it } from "vitest";
import { RLM, rtlFirst, startsRightToLeft } from "../../src/feeds/direction.ts";

describe("startsRightToLeft", () => {
  it.each([
    ["a Persian title", "گروه مینسک خواستار خروج شد", true],
    ["Persian after digits and punctuation", "۱۴۰۰؛ سالی که گذشت", true],
    ["Persian after a quotation mark", "«نفت» گران شد", true],
    ["Persian after a ZWNJ and spaces", " \u200Cمی‌رود", true],
    ["Hebrew", "שלום", true],
    ["Thaana", "ހ", true],
    ["Adlam (supplementary plane)", "\u{1E900}", true],
    ["Arabic presentation forms", "\uFEFB", true],
    ["a text that starts with the RLM", `${RLM}iPhone`, true],
    ["a Latin first word", "iPhone ۱۵ عرضه شد", false],
    ["digits only", "۱۲۳ 456", false],
    ["no strong character at all", "!?", false],
    ["an LRM first", "\u200Eنفت", false],
    ["the empty string", "", false],
  ])("%s → %s", (_name, text, expected) => {
    expect(startsRightToLeft(text)).toBe(expected);
  });
});

describe("rtlFirst", () => {
  it("leaves text that already starts right-to-left unchanged", () => {
    expect(rtlFirst("قیمت نفت")).toBe("قیمت نفت");
  });

  it("puts one RLM before text that would otherwise start left-to-right", () => {
    expect(rtlFirst("Apple گوشی تازه‌ای داد")).toBe(`${RLM}Apple گوشی تازه‌ای داد`);
    expect(rtlFirst(rtlFirst("Apple"))).toBe(`${RLM}Apple`);
  });
});
