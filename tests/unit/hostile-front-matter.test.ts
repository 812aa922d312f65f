/**
 * Hostile text in every front-matter field: the article either validates and then shows the text
 * exactly, as text, in the page, the feeds and the JSON-LD; or it fails with a clear report line
 * about that field. Never a crash, never markup, never a malformed feed.
 */
import { load } from "cheerio";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderArticle } from "../../layouts/article.ts";
import { checkSource } from "../../src/content/load-articles.ts";
import { toTopic } from "../../src/topics.ts";
import {
  articleSource,
  expectArticleTexts,
  expectClearProblems,
  expectFeeds,
  expectNoForbiddenCharacters,
  hostileString,
  skeleton,
  testAssets,
  validFields,
  yamlQuoted,
} from "../support/hostile.ts";

// HOSTILE_RUNS=2000 for a deeper search than the suite can afford on every run.
const RUNS = Number(process.env.HOSTILE_RUNS ?? 100);
const FILE = "hostile.md";

// The page of the article without anything hostile in it, but with the same optional fields and
// number of tags: the hostile page must have exactly its markup.
const baselines = new Map<string, string[]>();

function baselineSkeleton(present: {
  surtitle: boolean;
  source: boolean;
  quoting: boolean;
  author: boolean;
  tags: number;
}): string[] {
  const key = JSON.stringify(present);
  const known = baselines.get(key);
  if (known) return known;
  const fields: Record<string, string> = { ...validFields };
  if (present.surtitle) fields.surtitle = "روتیتر";
  if (present.source) fields.source = "منبع";
  if (present.quoting) fields.quoting = "منبع دیگر";
  if (present.author) fields.author = "نویسنده";
  if (present.tags)
    fields.tags = `[${Array.from({ length: present.tags }, (_, index) => `برچسب${"ابپتث"[index % 5]}${index}`).join(", ")}]`;
  const article = checkSource(articleSource(fields), FILE).article!;
  const result = skeleton(load(renderArticle(article, testAssets)));
  baselines.set(key, result);
  return result;
}

/** Run one article through everything that shows it, and check every output. */
function checkArticle(source: string, fed: readonly string[]): "shown" | "rejected" {
  const { article, problems } = checkSource(source, FILE);
  if (!article) {
    expectClearProblems(problems, FILE, fed);
    return "rejected";
  }
  expect(problems).toEqual([]);
  const page = renderArticle(article, testAssets);
  expectNoForbiddenCharacters(page);
  const $ = load(page);
  expect(skeleton($)).toEqual(
    baselineSkeleton({
      surtitle: !!article.surtitle,
      source: !!article.source,
      quoting: !!article.quoting,
      author: !!article.author,
      tags: article.tags.length,
    }),
  );
  expectArticleTexts($, article);
  expectFeeds(article);
  return "shown";
}

const TEXT_FIELDS = ["title", "lead", "surtitle", "source", "quoting", "author"] as const;

describe("a hostile string in a text field", () => {
  it.each(TEXT_FIELDS)(
    "%s: shown exactly as text everywhere, or rejected with a clear error",
    (field) => {
      const outcomes = { shown: 0, rejected: 0 };
      fc.assert(
        fc.property(hostileString, (value) => {
          const fields = {
            ...validFields,
            [field]: yamlQuoted(value),
            ...(field === "quoting" ? { source: yamlQuoted("منبع") } : {}),
          };
          const outcome = checkArticle(articleSource(fields), [field]);
          outcomes[outcome]++;
          // What was shown is what was written, trimmed: nothing else changes the text.
          if (outcome === "shown")
            expect(checkSource(articleSource(fields), FILE).article![field]).toBe(value.trim());
        }),
        { numRuns: RUNS },
      );
      // Both paths really ran: a generator that only produced rejects would prove nothing.
      expect(outcomes.shown).toBeGreaterThan(RUNS / 5);
      expect(outcomes.rejected).toBeGreaterThan(0);
    },
  );
});

describe("hostile tags", () => {
  it("are shown exactly as text (once per topic), or rejected with a clear error", () => {
    const outcomes = { shown: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 4 }), (tags) => {
        const source = articleSource({
          ...validFields,
          tags: `[${tags.map(yamlQuoted).join(", ")}]`,
        });
        const outcome = checkArticle(source, ["tags"]);
        outcomes[outcome]++;
        if (outcome === "shown") {
          const seen = new Set<string>();
          const expected = tags
            .map(toTopic)
            .filter((topic) => !seen.has(topic.slug) && seen.add(topic.slug))
            .map((topic) => topic.name);
          expect(checkSource(source, FILE).article!.tags.map((tag) => tag.name)).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
    expect(outcomes.shown).toBeGreaterThan(RUNS / 5);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});

describe("a hostile value in a field that is not free text", () => {
  it.each(["code", "date", "modified", "section", "draft"])(
    "%s: a hostile string is rejected with a clear error, never a crash",
    (field) => {
      fc.assert(
        fc.property(hostileString, (value) => {
          const outcome = checkArticle(
            articleSource({ ...validFields, [field]: yamlQuoted(value) }),
            [field],
          );
          // A string that happens to be a valid date is fine; anything else must be reported.
          if (outcome === "shown") expect(["date", "modified"]).toContain(field);
        }),
        { numRuns: 60 },
      );
    },
  );

  it("an unknown key with a hostile name is reported, its name escaped", () => {
    fc.assert(
      fc.property(
        hostileString.filter((key) => !/^\s|\s$|^$/.test(key)),
        (key) => {
          const { article, problems } = checkSource(
            articleSource({ ...validFields, [yamlQuoted(`x${key}`)]: "1" }),
            FILE,
          );
          expect(article).toBeUndefined();
          expect(problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
