import { describe, expect, it } from "vitest";
import {
  applyEdits,
  applyUntilStable,
  assertText,
  type Edit,
} from "../../src/persian/text-edits.ts";

const edit = (start: number, end: number, replacement: string): Edit => ({
  start,
  end,
  replacement,
  rule: "test",
  confidence: "high",
});

describe("applyEdits", () => {
  it("applies edits in offset order whatever order they come in", () => {
    expect(applyEdits("abcdef", [edit(4, 5, "E"), edit(0, 1, "A")])).toBe("AbcdEf");
  });

  it("drops an edit that overlaps an earlier one", () => {
    expect(applyEdits("abcdef", [edit(0, 3, "X"), edit(2, 4, "Y")])).toBe("Xdef");
  });

  it("inserts at an empty range", () => {
    expect(applyEdits("ab", [edit(1, 1, "-")])).toBe("a-b");
  });
});

describe("applyUntilStable", () => {
  it("repeats until the rules find nothing more", () => {
    const collapseOnePair = (text: string): Edit[] => {
      const at = text.indexOf("  ");
      return at === -1 ? [] : [edit(at, at + 2, " ")];
    };
    expect(applyUntilStable("a        b", collapseOnePair)).toBe("a b");
  });

  it("throws when rules never settle, quoting the text", () => {
    const grow = (text: string): Edit[] => [edit(text.length, text.length, "x")];
    expect(() => applyUntilStable("abc", grow)).toThrow(/did not settle.*"abc"/u);
  });
});

describe("assertText", () => {
  it("names the caller and the bad value", () => {
    expect(() => assertText({ a: 1 }, "someRule")).toThrow(
      'someRule expects a string, got object: {"a":1}',
    );
  });
});
