import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixPersianText, lintPersianText } from "../../src/persian/typography.ts";
import { precision, recall, scoreFixer, type FixtureCase } from "../support/typography-metrics.ts";

const Z = "\u200C";
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/typography/${name}`, import.meta.url), "utf8");
const seedArticle = fixture("seed-article-fa.txt");
const seedWords = JSON.parse(fixture("seed-words.json")) as {
  zwnjFixes: Array<{ input: string; expected: string }>;
  unchanged: string[];
};
const newsCases = JSON.parse(fixture("news-cases.json")) as FixtureCase[];
const heldOutCases = JSON.parse(fixture("held-out-cases.json")) as FixtureCase[];

// The stored article: the raw seed with exactly the editors' ZWNJ insertions, nothing else.
const storedArticle = seedWords.zwnjFixes.reduce(
  (text, fix) => text.replaceAll(fix.input, fix.expected),
  seedArticle,
);

describe("the seed article", () => {
  it("differs from its stored form only by the listed ZWNJ insertions", () => {
    expect(storedArticle.replaceAll(Z, "")).toBe(seedArticle);
    expect(storedArticle.split(Z).length - 1).toBeGreaterThanOrEqual(seedWords.zwnjFixes.length);
  });

  it("is fixed into exactly its stored form", () => {
    expect(fixPersianText(seedArticle)).toBe(storedArticle);
  });

  it("lints clean in its stored form", () => {
    expect(lintPersianText(storedArticle)).toEqual([]);
  });

  it("gets one finding per fused occurrence in its raw form", () => {
    const occurrences = seedWords.zwnjFixes.reduce(
      (count, fix) => count + seedArticle.split(fix.input).length - 1,
      0,
    );
    expect(lintPersianText(seedArticle)).toHaveLength(occurrences);
  });

  it.each(seedWords.unchanged)("keeps %s exactly as the seed has it", (word) => {
    expect(fixPersianText(word)).toBe(word);
    expect(storedArticle.includes(word) || ["میز", "میلیون", "تنها"].includes(word)).toBe(true);
  });
});

describe("lintPersianText", () => {
  it("reports 1-based line and UTF-16 column with the whole word", () => {
    const findings = lintPersianText("عنوان\nگروه مینسک و تروریستها");
    expect(findings).toEqual([
      {
        line: 2,
        column: 14,
        word: "تروریستها",
        suggestion: `تروریست${Z}ها`,
        rule: "zwnj-plural",
        confidence: "high",
      },
    ]);
  });

  it("widens a spacing finding to the words around it", () => {
    const [finding] = lintPersianText("روسیه ، آمریکا");
    expect(finding).toMatchObject({
      word: "روسیه ،",
      suggestion: "روسیه،",
      rule: "space-before-punctuation",
    });
  });

  it("marks an ambiguous word low-confidence and offers both readings", () => {
    const [finding] = lintPersianText("در نامهای");
    expect(finding).toMatchObject({
      confidence: "low",
      rule: "zwnj-ambiguous",
      suggestion: `نام${Z}های / نامه${Z}ای`,
    });
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => lintPersianText(7 as unknown as string)).toThrow(
      /lintPersianText expects a string, got number: 7/u,
    );
  });
});

describe("fixPersianText", () => {
  it("applies a low-confidence fix unless asked for high confidence only", () => {
    expect(fixPersianText("بزرگ تر")).toBe(`بزرگ${Z}تر`);
    expect(fixPersianText("بزرگ تر", { onlyHighConfidence: true })).toBe("بزرگ تر");
  });

  it("never applies an ambiguous reading", () => {
    expect(fixPersianText("در نامهای")).toBe("در نامهای");
  });

  it("leaves nothing for the linter to report except what it may not fix", () => {
    const fixed = fixPersianText(seedArticle + "\nدر نامهای");
    expect(lintPersianText(fixed).map((finding) => finding.rule)).toEqual(["zwnj-ambiguous"]);
  });
});

describe("news fixtures", () => {
  const allCases = [
    ...newsCases,
    ...seedWords.zwnjFixes.map((fix) => ({ ...fix, category: "seed" })),
  ];

  it("has at least 200 news cases besides the seed", () => {
    expect(newsCases.length).toBeGreaterThanOrEqual(200);
  });

  it("fixes with precision of at least 0.98 (reports recall honestly)", () => {
    const score = scoreFixer(allCases, (text) => fixPersianText(text));
    const highOnly = scoreFixer(allCases, (text) =>
      fixPersianText(text, { onlyHighConfidence: true }),
    );
    const held = scoreFixer(heldOutCases, (text) => fixPersianText(text));
    const line = (name: string, s: typeof score, cases: number): string =>
      `${name}: ${cases} cases, precision ${precision(s).toFixed(3)} (${s.right}/${s.made}), recall ${recall(s).toFixed(3)} (${s.right}/${s.needed}), ${s.wrongCases.length} cases not fully fixed`;
    console.log(
      [
        line("typography fixtures (all fixes)", score, allCases.length),
        line("typography fixtures (--fix, high confidence only)", highOnly, allCases.length),
        line("held-out fixtures (never used to tune the rules)", held, heldOutCases.length),
      ].join("\n"),
    );
    expect(precision(score)).toBeGreaterThanOrEqual(0.98);
    expect(precision(highOnly)).toBeGreaterThanOrEqual(0.98);
    expect(precision(held)).toBeGreaterThanOrEqual(0.98);
  });

  it.each(
    newsCases
      .filter((fixture) => fixture.input === fixture.expected)
      .map((fixture) => [fixture.input]),
  )("leaves the correct sentence %s unchanged", (input) => {
    expect(fixPersianText(input)).toBe(input);
  });
});

describe("idempotence", () => {
  const pieces = [
    ...newsCases.flatMap((fixture) => fixture.input.split(" ")),
    " ",
    "  ",
    Z,
    "،",
    " ،",
    "؟",
    "?",
    ",",
    "«",
    "»",
    ":",
    ".",
    "(",
    ")",
    "ي",
    "ك",
    "٣",
    "1,000",
    "`کد`",
    "https://example.com/a",
    "\n",
  ];

  it("fix(fix(x)) equals fix(x) for random mixtures of news words, spaces and punctuation", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const once = fixPersianText(parts.join(""));
        return fixPersianText(once) === once;
      }),
      { numRuns: 300 },
    );
  });

  it("fix(fix(x)) equals fix(x) on every fixture", () => {
    for (const fixture of [...newsCases, ...heldOutCases]) {
      const once = fixPersianText(fixture.input);
      expect(fixPersianText(once)).toBe(once);
    }
  });
});
