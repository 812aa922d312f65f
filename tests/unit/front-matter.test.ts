import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";

describe("parseSource", () => {
  const source = "---\ncode: 1\ntitle: عنوان\ndate: 2020-12-03\n---\n\nمتن\n";

  it("splits front matter from the body", () => {
    const parsed = parseSource(source);
    expect(parsed.errors).toEqual([]);
    expect(parsed.body).toBe("\nمتن\n");
  });

  it("keeps dates as text so the loader can read them as Tehran time", () => {
    expect(parseSource(source).data).toEqual({ code: 1, title: "عنوان", date: "2020-12-03" });
  });

  it("reports each key's line in the file (the --- fence is line 1)", () => {
    const parsed = parseSource(source);
    expect(parsed.lineOf("code")).toBe(2);
    expect(parsed.lineOf("date")).toBe(4);
  });

  it("reports YAML errors with their line", () => {
    const parsed = parseSource("---\ncode: 1\ntitle: [unclosed\n---\nx");
    expect(parsed.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parsed.errors[0]?.message).toMatch(/YAML/);
  });

  it("reports a duplicate key", () => {
    expect(parseSource("---\ncode: 1\ncode: 2\n---\n").errors[0]?.message).toMatch(
      /unique|duplicate/i,
    );
  });

  it("reports missing and unclosed front matter", () => {
    expect(parseSource("متن بدون سرآغاز").errors[0]?.message).toMatch(/no front matter/);
    expect(parseSource("---\ncode: 1\n").errors[0]?.message).toMatch(/not closed/);
  });
});
