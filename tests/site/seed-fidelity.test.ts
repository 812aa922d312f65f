import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/content/front-matter.ts";

// CI lays shared/ beside the checkout, as on the developers' machines.
const seedFile = path.resolve("../shared/seed/article-fa.txt");
const ZWNJ = /\u200C/g;

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

describe("the published article is the seed, word for word", () => {
  const seed = paragraphs(readFileSync(seedFile, "utf8"));
  const stored = parseSource(readFileSync("content/news/1399/1001.md", "utf8"));
  const data = stored.data as { title: string; lead: string };
  const storedParagraphs = [data.title, data.lead, ...paragraphs(stored.body)];

  it("has the seed's title, lead and body paragraphs once every ZWNJ is removed", () => {
    expect(storedParagraphs.map((p) => p.replace(ZWNJ, ""))).toEqual(seed);
  });

  it.each([
    ["تروریستها", "تروریست‌ها"],
    ["بینالمللی", "بین‌المللی"],
    ["قرهباغ", "قره‌باغ"],
    ["میرسد", "می‌رسد"],
    ["گفتوگو", "گفت‌وگو"],
  ])("restores the ZWNJ in %s → %s everywhere", (fused, restored) => {
    const text = storedParagraphs.join("\n");
    expect(text).toContain(restored);
    expect(text).not.toMatch(new RegExp(`(?<![\\u0600-\\u06FF\\u200C])${fused}`));
  });

  it.each(["مینسک", "میراث", "خاورمیانه", "کشورهای", "بارها"])(
    "leaves %s as it is, with no ZWNJ inside",
    (word) => {
      const text = storedParagraphs.join("\n");
      expect(text).toContain(word);
      const withZwnj = Array.from(
        { length: word.length - 1 },
        (_, i) => word.slice(0, i + 1) + "\u200C" + word.slice(i + 1),
      );
      expect(withZwnj.filter((variant) => text.includes(variant))).toEqual([]);
    },
  );
});
