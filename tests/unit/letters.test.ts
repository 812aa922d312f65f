import { describe, expect, it } from "vitest";
import { letterEdits, normalizeLetters } from "../../src/persian/letters.ts";

describe("normalizeLetters", () => {
  it.each([
    ["كتاب", "کتاب"],
    ["علي", "علی"],
    ["مصطفى", "مصطفی"],
    ["ايران و تركيه", "ایران و ترکیه"],
    ["سال ١٤٠٣", "سال ۱۴۰۳"],
    ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"],
  ])("replaces Arabic letters and digits in %s", (input, expected) => {
    expect(normalizeLetters(input)).toBe(expected);
  });

  it.each([
    ["inline code", "کد `كتاب` را ببینید"],
    ["a URL", "نشانی https://example.com/كتاب/علي را ببینید"],
    ["a www address", "نشانی www.example.com/كتاب را ببینید"],
    ["an e-mail address", "به علي@example.com بنویسید"],
  ])("leaves %s byte for byte", (_kind, text) => {
    const protectedPart = /`[^`]*`|\S*(?:https?:|www\.|@)\S*/u.exec(text)![0];
    expect(normalizeLetters(text)).toContain(protectedPart);
  });

  it("leaves ASCII digits, Persian text and Latin words alone", () => {
    const text = "سال 2024 در Tehran و ۱۴۰۳";
    expect(normalizeLetters(text)).toBe(text);
  });

  it("leaves teh marbuta alone, as documented", () => {
    expect(normalizeLetters("دایرةالمعارف")).toBe("دایرةالمعارف");
  });

  it("keeps the length of the text, so offsets stay valid", () => {
    const text = "رئيس كل بانك مركزي ١٢";
    expect(normalizeLetters(text)).toHaveLength(text.length);
  });

  it("reports one edit per Arabic character, naming letters and digits apart", () => {
    const rules = letterEdits("علي ٢").map((edit) => edit.rule);
    expect(rules).toEqual(["arabic-letter", "arabic-digit"]);
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => normalizeLetters(42 as unknown as string)).toThrow(
      /normalizeLetters expects a string, got number: 42/u,
    );
  });
});
