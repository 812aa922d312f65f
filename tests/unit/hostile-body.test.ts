/**
 * Hostile Markdown bodies: raw HTML, unsafe links, images from anywhere, tables, code fences and
 * hostile text. The article either validates, and its body is then safe HTML in the page and every
 * feed with typed markup shown as text; or it fails with a clear report pointing into the body.
 */
import { load } from "cheerio";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderArticle } from "../../layouts/article.ts";
import { checkSource } from "../../src/content/load-articles.ts";
import { normalizeSourceText } from "../../src/text-hygiene.ts";
import {
  articleSource,
  expectClearProblems,
  expectFeeds,
  expectNoForbiddenCharacters,
  expectSafeHtml,
  hostileBody,
  hostileString,
  hostileUrl,
  skeleton,
  testAssets,
  validFields,
} from "../support/hostile.ts";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 150);
const FILE = "hostile.md";

// Markup an editor (or an attacker) might type into a body: each must come out as text.
const TYPED_MARKUP = [
  "<script>alert(1)</script>",
  "<b>HTML خام</b>",
  "<img src=x onerror=alert(1)>",
  "<iframe src=//evil.example></iframe>",
  "<style>body{display:none}</style>",
  '<a href="javascript:alert(1)">پیوند</a>',
  "<!-- پنهان -->",
  '<div style="color:red">سرخ</div>',
  "<svg onload=alert(1)>",
] as const;

/** The page's markup outside the article body, which no body may change. */
function frame(page: string): string[] {
  const $ = load(page);
  $(".article-body").empty();
  return skeleton($);
}

const baseline = frame(
  renderArticle(checkSource(articleSource(validFields), FILE).article!, testAssets),
);

function checkBody(text: string): "shown" | "rejected" {
  const source = articleSource(validFields, text);
  const { article, problems } = checkSource(source, FILE);
  if (!article) {
    expectClearProblems(problems, FILE, ["body"]);
    // Lines as an editor counts them: a lone CR ends a line too.
    const lines = normalizeSourceText(source).split("\n").length;
    for (const problem of problems)
      expect(problem.line).toBeGreaterThan(Object.keys(validFields).length + 2);
    for (const problem of problems) expect(problem.line).toBeLessThanOrEqual(lines);
    return "rejected";
  }
  const page = renderArticle(article, testAssets);
  expectNoForbiddenCharacters(page);
  expect(frame(page)).toEqual(baseline);
  const $ = load(page);
  expectSafeHtml(load($(".article-body").html() ?? ""));
  // Links to other sites never pass on the reader's address or a window handle.
  $(".article-body a[href]").each((_, link) => {
    const href = $(link).attr("href") ?? "";
    if (/^(?:https?:)?\/\//i.test(href)) expect($(link).attr("rel")).toBe("noopener noreferrer");
  });
  expectFeeds(article);
  return "shown";
}

describe("a hostile Markdown body", () => {
  it("is safe HTML in the page and the feeds, or rejected with its line and column", () => {
    const outcomes = { shown: 0, rejected: 0 };
    fc.assert(
      fc.property(hostileBody, (text) => {
        outcomes[checkBody(text)]++;
      }),
      { numRuns: RUNS },
    );
    // About a quarter of random bodies are clean enough to publish; well above this in practice.
    expect(outcomes.shown).toBeGreaterThan(RUNS / 10);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  it.each(TYPED_MARKUP)(
    "shows %s as text, never as markup, in the page and the feeds",
    (markup) => {
      for (const before of ["", "پیش از آن ", "**پررنگ** "]) {
        const { article, problems } = checkSource(
          articleSource(validFields, `${before}${markup}\n`),
          FILE,
        );
        expect(problems).toEqual([]);
        expect(checkBody(`${before}${markup}\n`)).toBe("shown");
        expect(load(renderArticle(article!, testAssets))(".article-body").text()).toContain(markup);
      }
    },
  );

  it("never turns an unsafe URL into a link or an image, however it is disguised", () => {
    fc.assert(
      fc.property(hostileUrl, hostileString, (href, text) => {
        const { article } = checkSource(
          articleSource(
            validFields,
            `[${text.replace(/[[\]\n]/g, "")}](${href})\n\n![x](${href})\n`,
          ),
          FILE,
        );
        if (!article) return;
        const $ = load(article.html);
        $("a[href], img[src]").each((_, element) => {
          const value = ($(element).attr("href") ?? $(element).attr("src") ?? "").replace(
            /[\u0000-\u0020]/g,
            "",
          );
          expect(value).not.toMatch(/^(?:javascript|data|vbscript):/i);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
