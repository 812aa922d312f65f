import { describe, expect, it } from "vitest";
import {
  findCodeAndLinkSpans,
  findProtectedSpans,
  overlapsAny,
} from "../../src/persian/protected-spans.ts";

const covered = (text: string, spans: Array<{ start: number; end: number }>): string[] =>
  spans.map((span) => text.slice(span.start, span.end));

describe("protected spans", () => {
  it("finds code spans, URLs and e-mail addresses", () => {
    const text =
      "ببینید `npm test` و https://example.com/a?b=1 و www.example.org و info@example.com";
    expect(covered(text, findCodeAndLinkSpans(text))).toEqual([
      "`npm test`",
      "https://example.com/a?b=1",
      "www.example.org",
      "info@example.com",
    ]);
  });

  it("adds numbers with separators only to the full set", () => {
    const text = "قیمت 1,000 و 3.5 و 12:30 و ۱۴۰۳/۰۱/۰۱";
    expect(findCodeAndLinkSpans(text)).toEqual([]);
    expect(covered(text, findProtectedSpans(text))).toEqual([
      "1,000",
      "3.5",
      "12:30",
      "۱۴۰۳/۰۱/۰۱",
    ]);
  });

  // One scan looks for any of the four constructs before each is searched for: each alone must
  // still be found.
  it.each([
    ["کد `x` در متن", "`x`"],
    ["نشانی https://example.com در متن", "https://example.com"],
    ["نشانی FTP://example.com در متن", "FTP://example.com"],
    ["نشانی www.example.com در متن", "www.example.com"],
    ["نشانی WWW.Example.com در متن", "WWW.Example.com"],
    ["نامه به info@example.com در متن", "info@example.com"],
  ])("finds %j alone", (text, span) => {
    expect(covered(text, findCodeAndLinkSpans(text))).toEqual([span]);
  });

  it("finds nothing in prose without code, links or addresses", () => {
    expect(findCodeAndLinkSpans("گروه مینسک: خروج تروریست‌ها (۱۴۰۳/۰۱/۰۱).")).toEqual([]);
  });

  it("tells whether a range overlaps a span", () => {
    const spans = [{ start: 5, end: 10 }];
    expect(overlapsAny(spans, 9, 11)).toBe(true);
    expect(overlapsAny(spans, 10, 12)).toBe(false);
  });
});
