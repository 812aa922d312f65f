import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSource, loadArticles, readArticles } from "../../src/content/load-articles.ts";
import { ContentValidationError, formatProblem } from "../../src/content/problems.ts";
import { site } from "../../src/site.ts";

const section = site.sections[0]!.name;

function article(fields: Record<string, string>, body = "متن خبر.\n"): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

const valid = { code: "7", title: "عنوان", lead: "لید خبر", date: "2020-12-03", section };

describe("checkSource", () => {
  it("turns valid front matter into an article", () => {
    const { article: result, problems } = checkSource(article(valid), "a.md");
    expect(problems).toEqual([]);
    expect(result).toMatchObject({ code: 7, title: "عنوان", url: "/news/7/", section: site.sections[0], hasTime: false, draft: false, tags: [] });
    expect(result?.html).toBe("<p>متن خبر.</p>\n");
  });

  it.each([
    [{ ...valid, title: '""' }, 'a.md:3 title — "" is empty — expected non-empty text'],
    [{ ...valid, title: "'   '" }, 'a.md:3 title — "   " is empty — expected non-empty text'],
    [{ code: "7", title: "ع", date: "2020-12-03", section }, "a.md:1 lead — is missing — expected non-empty text (the first paragraph, لید)"],
    [{ ...valid, code: "-3" }, "a.md:2 code — -3 is not valid — expected a positive whole number (the news code, کد خبر)"],
    [{ ...valid, code: "abc" }, 'a.md:2 code — "abc" is not valid — expected a positive whole number (the news code, کد خبر)'],
    [{ ...valid, date: "1399-09-13x" }, 'a.md:5 date — "1399-09-13x" is not a date — expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:mm (Tehran time), optionally with an offset like +03:30'],
    [{ ...valid, titel: "x" }, "a.md:7 titel — is not a known front-matter field (a typo?) — expected one of code, title, surtitle, lead, date, modified, section, tags, source, quoting, author, draft"],
    [{ ...valid, draft: "maybe" }, 'a.md:7 draft — "maybe" is not valid — expected true or false'],
    [{ ...valid, title: '"a\u202Eb"' }, 'a.md:3 title — "a\u202Eb" contains a bidi control character (U+202E RIGHT-TO-LEFT OVERRIDE) at position 2 — expected plain text'],
    [{ ...valid, tags: '["؟!"]' }, 'a.md:7 tags — "؟!" is empty once normalised — expected a tag with at least one letter or digit'],
  ])("reports %j as %s", (fields, expected) => {
    const { problems } = checkSource(article(fields), "a.md");
    expect(problems.map(formatProblem)).toContain(expected);
  });

  it("reports an unknown section with the list of sections", () => {
    const [problem] = checkSource(article({ ...valid, section: "ورزش" }), "a.md").problems;
    expect(problem && formatProblem(problem)).toBe(
      `a.md:6 section — "ورزش" is not one of the allowed values — expected one of ${site.sections.map((s) => `«${s.name}»`).join("، ")}`,
    );
  });

  it("reports every problem of a file, not just the first", () => {
    const { problems } = checkSource(article({ code: "0", title: '""', date: "x", section: "نامعلوم" }), "a.md");
    expect(problems.map((p) => p.field).sort()).toEqual(["code", "date", "lead", "section", "title"]);
  });

  it("builds a CRLF file exactly like its LF twin", () => {
    const lf = checkSource(article(valid, "بند یک.\n\nبند دو.\n"), "a.md").article;
    const crlf = checkSource(article(valid, "بند یک.\n\nبند دو.").replace(/\n/g, "\r\n"), "a.md").article;
    expect(crlf?.html).toBe(lf?.html);
  });
});

describe("loadArticles", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-articles-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reports every broken file in one error and finds duplicate codes across files", () => {
    mkdirSync(path.join(dir, "a"));
    writeFileSync(path.join(dir, "a/one.md"), article(valid));
    writeFileSync(path.join(dir, "two.md"), article({ ...valid, title: '""' }));
    writeFileSync(path.join(dir, "three.md"), article(valid));
    let error: unknown;
    try {
      loadArticles({ dir, root: dir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentValidationError);
    const lines = (error as ContentValidationError).problems.map(formatProblem);
    expect(lines).toEqual([
      "three.md:2 code — 7 is already the code of a/one.md — expected a news code no other article uses",
      'two.md:3 title — "" is empty — expected non-empty text',
      "two.md:2 code — 7 is already the code of a/one.md — expected a news code no other article uses",
    ]);
  });

  it("holds back drafts unless asked, and articles dated after `now`", () => {
    writeFileSync(path.join(dir, "draft.md"), article({ ...valid, code: "1", draft: "true" }));
    writeFileSync(path.join(dir, "future.md"), article({ ...valid, code: "2", date: "2030-01-01" }));
    writeFileSync(path.join(dir, "past.md"), article({ ...valid, code: "3" }));
    const now = new Date("2026-01-01T00:00:00Z");
    expect(readArticles({ dir, now }).articles.map((a) => a.code)).toEqual([3]);
    expect(readArticles({ dir, now, includeDrafts: true }).articles.map((a) => a.code).sort()).toEqual([1, 3]);
    expect(readArticles({ dir, now: new Date("2030-01-02T00:00:00Z") }).articles.map((a) => a.code).sort()).toEqual([2, 3]);
  });
});
