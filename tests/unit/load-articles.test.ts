import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkSource,
  fileStamp,
  loadArticles,
  pinArchive,
  readArticles,
  readStampAndCheck,
} from "../../src/content/load-articles.ts";
import { contentKey } from "../../src/persian/content-key.ts";
import { listSourceFiles } from "../../src/content/source-files.mjs";
import { ContentValidationError, formatProblem } from "../../src/content/problems.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl } from "../../src/urls.ts";

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
    expect(result).toMatchObject({
      code: 7,
      title: "عنوان",
      url: "/news/7/",
      section: site.sections[0],
      hasTime: false,
      draft: false,
      tags: [],
    });
    expect(result?.html).toBe("<p>متن خبر.</p>\n");
  });

  it.each([
    ["an absolute link", "[پیوند](https://example.org/a)", undefined],
    ["a relative link", "[پیوند](/news/9/)", absoluteUrl("/news/9/")],
    ["a relative image", "![تصویر](img/a.jpg)", absoluteUrl("/news/7/img/a.jpg")],
  ])("gives feeds the body with absolute URLs, made once when read: %s", (_, body, feedUrl) => {
    const { article: result } = checkSource(article(valid, `${body}\n`), "a.md");
    const links = (html: string | undefined) =>
      html === undefined ? [] : [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    // Absent when the page's HTML already has only absolute URLs: feeds use `html` then.
    if (feedUrl === undefined) expect(result?.feedHtml, "no second rendering").toBeUndefined();
    else expect(links(result?.feedHtml), "the feed body's URL, absolute").toEqual([feedUrl]);
    expect(links(result?.html), "the page's HTML keeps the URL as written").not.toContain(feedUrl);
  });

  it.each([
    [{ ...valid, title: '""' }, 'a.md:3 title — "" is empty — expected non-empty text'],
    [{ ...valid, title: "'   '" }, 'a.md:3 title — "   " is empty — expected non-empty text'],
    [
      { code: "7", title: "ع", date: "2020-12-03", section },
      "a.md:1 lead — is missing — expected non-empty text (the first paragraph, لید)",
    ],
    [
      { ...valid, code: "-3" },
      "a.md:2 code — -3 is too small — expected a positive whole number (the news code, کد خبر)",
    ],
    [
      { ...valid, code: "1.5" },
      "a.md:2 code — 1.5 is not a whole number — expected a positive whole number (the news code, کد خبر)",
    ],
    [
      { ...valid, code: "abc" },
      'a.md:2 code — "abc" is text, not a number — expected a positive whole number (the news code, کد خبر)',
    ],
    [
      { ...valid, title: "1984" },
      'a.md:3 title — 1984 is a whole number, not text — expected non-empty text (in quotes: "1984")',
    ],
    [{ ...valid, title: "" }, "a.md:3 title — is empty — expected non-empty text"],
    [
      { ...valid, surtitle: "" },
      "a.md:7 surtitle — is empty — expected non-empty text, or no surtitle line at all",
    ],
    [
      { ...valid, title: '"\\u200c\\u200f "' },
      'a.md:3 title — "\\u200C\\u200F " is empty once normalised: it has only invisible characters (U+200C ZERO WIDTH NON-JOINER, U+200F RIGHT-TO-LEFT MARK, spaces) — expected text with at least one visible character',
    ],
    [
      { ...valid, tags: "قره‌باغ" },
      'a.md:7 tags — "قره‌باغ" is text, not a list — expected a list of non-empty texts',
    ],
    [
      { ...valid, tags: "[قره‌باغ, 3]" },
      `a.md:7 tags — item 2: 3 is a whole number, not text — expected every tag as non-empty text (in quotes: "3")`,
    ],
    [
      { ...valid, author: '"a\\x85b"' },
      'a.md:7 author — "a\\u0085b" contains a control character (U+0085 NEXT LINE) at position 2 — expected plain text',
    ],
    [
      { ...valid, author: '"a\\rb"' },
      'a.md:7 author — "a\\rb" contains a control character (U+000D CARRIAGE RETURN) at position 2 — expected plain text',
    ],
    [
      { ...valid, author: '"a\uFDD0"' },
      'a.md:7 author — "a\\uFDD0" contains a noncharacter (U+FDD0) at position 2 — expected plain text',
    ],
    [
      { ...valid, date: "1399-09-13x" },
      'a.md:5 date — "1399-09-13x" is not a date — expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:mm (Tehran time), optionally with an offset like +03:30',
    ],
    [
      { ...valid, titel: "x" },
      "a.md:7 titel — is not a known front-matter field (a typo?) — expected one of code, title, surtitle, lead, date, modified, section, tags, source, quoting, author, draft",
    ],
    [
      { ...valid, draft: "maybe" },
      'a.md:7 draft — "maybe" is text, not true or false — expected true or false',
    ],
    // The report writes the override as an escape, so it cannot reorder the report line itself.
    [
      { ...valid, title: '"a\u202Eb"' },
      'a.md:3 title — "a\\u202Eb" contains a bidi control character (U+202E RIGHT-TO-LEFT OVERRIDE) at position 2 — expected plain text',
    ],
    [
      { ...valid, tags: '["؟!"]' },
      'a.md:7 tags — "؟!" is empty once normalised — expected a tag with at least one letter or digit',
    ],
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
    const { problems } = checkSource(
      article({ code: "0", title: '""', date: "x", section: "نامعلوم" }),
      "a.md",
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      "code",
      "date",
      "lead",
      "section",
      "title",
    ]);
  });

  it("builds a CRLF file exactly like its LF twin", () => {
    const lf = checkSource(article(valid, "بند یک.\n\nبند دو.\n"), "a.md").article;
    const crlf = checkSource(
      article(valid, "بند یک.\n\nبند دو.").replace(/\n/g, "\r\n"),
      "a.md",
    ).article;
    expect(crlf?.html).toBe(lf?.html);
  });
});

describe("checkSource on the Markdown body", () => {
  // The front matter of `article(valid)` takes lines 1–7, a blank line 8: the body starts on line 9.
  const bodyLine = 9;

  it.each([
    ["\u202E", "a bidi control character (U+202E RIGHT-TO-LEFT OVERRIDE)"],
    ["\u2067", "a bidi control character (U+2067 RIGHT-TO-LEFT ISOLATE)"],
    ["\u0007", "a control character (U+0007)"],
    ["\u0085", "a control character (U+0085 NEXT LINE)"],
    ["\uFEFF", "a byte order mark (U+FEFF BYTE ORDER MARK)"],
    ["\uFFFF", "a noncharacter (U+FFFF)"],
    ["\u{10FFFE}", "a noncharacter (U+10FFFE)"],
    ["\uD800", "a lone surrogate (broken UTF-16) (U+D800)"],
  ])("reports %j in the body with its line and column, counted in characters", (char, kind) => {
    // An emoji before the character: two UTF-16 units, one character, as editors count columns.
    const { problems, article: result } = checkSource(
      article(valid, `بند یک.\n\n😀 خبر ${char}فوری\n`),
      "a.md",
    );
    expect(result).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      `a.md:${bodyLine + 2}:7 body — ${kind} in "😀 خبر \\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}فوری" — expected plain text (delete the character: most editors do not show it)`,
    ]);
  });

  it("reports a character reference that Markdown would decode into a forbidden character", () => {
    const body =
      "خبر &#x202E;فوری و &#0; و `&#x2066;` در کد\n\n```&#x2066;\nکد\n```\n\nنیم‌فاصله &#x200C; و &amp; بی‌خطرند\n";
    const { problems } = checkSource(article(valid, body), "a.md");
    expect(problems.map(formatProblem)).toEqual([
      `a.md:${bodyLine}:5 body — the character reference "&#x202E;" makes a bidi control character (U+202E RIGHT-TO-LEFT OVERRIDE) — expected plain text (delete the reference)`,
      `a.md:${bodyLine}:20 body — the character reference "&#0;" makes an invalid character (U+FFFD REPLACEMENT CHARACTER) — expected plain text (delete the reference)`,
      `a.md:${bodyLine + 2}:4 body — the character reference "&#x2066;" makes a bidi control character (U+2066 LEFT-TO-RIGHT ISOLATE) — expected plain text (delete the reference)`,
    ]);
  });

  it("points a file that is not UTF-8 out by its replacement characters", () => {
    // Windows-1256 bytes read as UTF-8 turn into U+FFFD.
    const source = Buffer.concat([
      Buffer.from(article(valid, "")),
      Buffer.from([0xc8, 0xe5, 0x20, 0x0a]),
    ]).toString("utf8");
    expect(checkSource(source, "a.md").problems.map(formatProblem)[0]).toMatch(
      new RegExp(
        `^a\\.md:${bodyLine}:1 body — a replacement character \\(is the file saved as UTF-8\\?\\) \\(U\\+FFFD REPLACEMENT CHARACTER\\)`,
      ),
    );
  });

  it("reports every forbidden character of the body, not just the first", () => {
    const { problems } = checkSource(article(valid, "a\u202Eb\n\nc\u0001d\u0002\n"), "a.md");
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [bodyLine, 2],
      [bodyLine + 2, 2],
      [bodyLine + 2, 4],
    ]);
  });

  it("counts body lines from the top of the file, whatever the line endings", () => {
    const source = article(valid, "x\n\ny\u202Ez\n");
    const lf = checkSource(source, "a.md").problems.map(formatProblem);
    expect(lf[0]).toMatch(new RegExp(`^a\\.md:${bodyLine + 2}:2 body`));
    expect(
      checkSource(`\uFEFF${source.replace(/\n/g, "\r\n")}`, "a.md").problems.map(formatProblem),
    ).toEqual(lf);
  });

  it("keeps ZWNJ, the direction marks and tabs, which Persian text needs", () => {
    const { problems, article: result } = checkSource(
      article(valid, "تروریست‌ها\u200F (RLM)\tو\u200E LRM\n"),
      "a.md",
    );
    expect(problems).toEqual([]);
    expect(result?.html).toContain("تروریست‌ها\u200F");
  });

  it("rejects an image from another host, with its place", () => {
    const { problems } = checkSource(
      article(valid, "متن.\n\nعکس: ![نقشه](https://example.org/map.png)\n"),
      "a.md",
    );
    expect(problems.map(formatProblem)).toEqual([
      `a.md:${bodyLine + 2}:14 body — the image "https://example.org/map.png" is on another host — expected an image stored with the site (a path like /images/photo.jpg): pages load nothing from other hosts`,
    ]);
  });

  it("accepts an image stored with the site, and links to other hosts", () => {
    const { problems } = checkSource(
      article(valid, "![نقشه](/images/map.png) و [منبع](https://example.org/)\n"),
      "a.md",
    );
    expect(problems).toEqual([]);
  });

  it("writes table alignment as classes, never as a style attribute the CSP would block", () => {
    const { article: result } = checkSource(
      article(valid, "| الف | ب | ج |\n|:--|:-:|--:|\n| ۱ | ۲ | ۳ |\n"),
      "a.md",
    );
    expect(result?.html).not.toMatch(/style=/);
    expect(result?.html).toContain('<td class="align-start">۱</td>');
    expect(result?.html).toContain('<td class="align-center">۲</td>');
    expect(result?.html).toContain('<td class="align-end">۳</td>');
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
      "three.md:2 code — 7 is already the code of a/one.md: both would be published at /news/7/ — expected a news code no other article uses",
      'two.md:3 title — "" is empty — expected non-empty text',
      "two.md:2 code — 7 is already the code of a/one.md: both would be published at /news/7/ — expected a news code no other article uses",
    ]);
  });

  it("reports two codes that are written differently but make one URL", () => {
    writeFileSync(path.join(dir, "a.md"), article({ ...valid, code: "12" }));
    writeFileSync(path.join(dir, "b.md"), article({ ...valid, code: "0012" }));
    expect(readArticles({ dir, root: dir }).problems.map(formatProblem)).toEqual([
      "b.md:2 code — 0012 (that is 12) is already the code of a.md: both would be published at /news/12/ — expected a news code no other article uses",
    ]);
  });

  it("holds back drafts unless asked, and articles dated after `now`", () => {
    writeFileSync(path.join(dir, "draft.md"), article({ ...valid, code: "1", draft: "true" }));
    writeFileSync(
      path.join(dir, "future.md"),
      article({ ...valid, code: "2", date: "2030-01-01" }),
    );
    writeFileSync(path.join(dir, "past.md"), article({ ...valid, code: "3" }));
    const now = new Date("2026-01-01T00:00:00Z");
    expect(readArticles({ dir, now }).articles.map((a) => a.code)).toEqual([3]);
    expect(
      readArticles({ dir, now, includeDrafts: true })
        .articles.map((a) => a.code)
        .sort(),
    ).toEqual([1, 3]);
    expect(
      readArticles({ dir, now: new Date("2030-01-02T00:00:00Z") })
        .articles.map((a) => a.code)
        .sort(),
    ).toEqual([2, 3]);
  });

  it("answers from a pinned snapshot of the folder, and from the disk again once unpinned", () => {
    writeFileSync(path.join(dir, "a.md"), article({ ...valid, code: "1" }));
    writeFileSync(path.join(dir, "b.md"), article({ ...valid, code: "2", draft: "true" }));
    const files = listSourceFiles({ dir, root: dir });
    const checked = files.map(({ absolute, file }) =>
      checkSource(readFileSync(absolute, "utf8"), file),
    );
    const unpin = pinArchive({ dir, root: dir, files, checked });
    // Changed on disk after the build read it: the build publishes what it validated.
    writeFileSync(path.join(dir, "a.md"), article({ ...valid, code: "1", title: '""' }));
    writeFileSync(path.join(dir, "c.md"), article({ ...valid, code: "3" }));
    const pinned = readArticles({ dir, root: dir });
    expect(pinned.problems, "no problem: the changed file is not read again").toEqual([]);
    expect(
      pinned.articles.map((a) => a.code),
      "the pinned files, drafts left out as asked",
    ).toEqual([1]);
    expect(pinned.articles[0], "the very Article the build made").toBe(checked[0]!.article);
    expect(
      readArticles({ dir, root: dir, includeDrafts: true }).articles.map((a) => a.code),
      "options still apply to the pinned files",
    ).toEqual([1, 2]);
    mkdirSync(path.join(dir, "elsewhere"));
    expect(
      readArticles({ dir: path.join(dir, "elsewhere"), root: dir }).articles,
      "another folder is not answered from the pin",
    ).toEqual([]);
    unpin();
    const fresh = readArticles({ dir, root: dir });
    expect(fresh.problems.map(formatProblem), "the disk as it is now").toEqual([
      'a.md:3 title — "" is empty — expected non-empty text',
    ]);
    expect(fresh.articles.map((a) => a.code)).toEqual([3]);
  });
});

describe("readStampAndCheck", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sarkhat-stamp-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the stamp fileStamp gives and the check of the bytes on disk", () => {
    const cases = {
      "valid.md": article(valid),
      "broken.md": article({ ...valid, title: '""' }),
      "empty.md": "",
      // Larger than Node's pool of small buffers, which shorter files are read into.
      "long.md": article(valid, "متن خبر.\n".repeat(2000)),
    };
    for (const [name, text] of Object.entries(cases)) {
      const absolute = path.join(dir, name);
      writeFileSync(absolute, text);
      const { stamp, checked } = readStampAndCheck(absolute, name);
      expect(stamp, `${name}: the stamp`).toBe(fileStamp(absolute, name));
      expect(checked, `${name}: the check`).toEqual({
        ...checkSource(text, name),
        contentKey: contentKey(readFileSync(absolute)),
      });
    }
  });

  it("names the file that cannot be read", () => {
    expect(() => readStampAndCheck(path.join(dir, "missing.md"), "missing.md")).toThrow(
      /missing\.md/,
    );
  });
});
