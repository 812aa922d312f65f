import { describe, expect, it } from "vitest";
import { findProseRanges, fixMarkdown, lintMarkdown } from "../../src/persian/markdown-lint.ts";

const Z = "\u200C";

const article = [
  "---",
  'title: "گروه مینسک خواستار خروج تروریستها شد"',
  "surtitle: واکنش بینالمللی",
  "lead: >-",
  "  دولتهای عضو",
  "  گفتوگو کردند",
  "source: خبرگزاریها",
  "tags:",
  "  - قرهباغ",
  '  - "سازمانهای منطقهای"',
  "date: 2024-01-01",
  "slug: terroristha-qarabagh",
  "code: میرسد",
  "---",
  "",
  "# تیتر با کشتهشدگان",
  "",
  'متن با `میرسد` و [پیوند کانالها](https://example.com/تروریستها) و <span class="میرسد">تماسها</span>.',
  "",
  "```js",
  "const x = 'دولتهای';",
  "```",
  "",
  "- مورد فهرست با آنها",
  "> نقل قول با عرصهها",
  "",
  "![تصویر سازمانها](/img/دولتها.jpg)",
  "<!-- یادداشت با دولتها -->",
  '{% include "دولتها.njk" %}',
].join("\n");

const findingAt = (line: number) =>
  lintMarkdown(article).filter((finding) => finding.line === line);

describe("lintMarkdown", () => {
  it("lints the prose front matter fields with their real line and column", () => {
    expect(findingAt(2)).toEqual([
      {
        line: 2,
        column: 33,
        word: "تروریستها",
        suggestion: `تروریست${Z}ها`,
        rule: "zwnj-plural",
        confidence: "high",
      },
    ]);
    expect(findingAt(3).map((finding) => finding.suggestion)).toEqual([`بین${Z}المللی`]);
    expect(findingAt(5).map((finding) => [finding.column, finding.suggestion])).toEqual([
      [3, `دولت${Z}های`],
    ]);
    expect(findingAt(6).map((finding) => finding.suggestion)).toEqual([`گفت${Z}وگو`]);
    expect(findingAt(9).map((finding) => finding.suggestion)).toEqual([`قره${Z}باغ`]);
    expect(findingAt(10).map((finding) => finding.suggestion)).toEqual([
      `سازمان${Z}های`,
      `منطقه${Z}ای`,
    ]);
  });

  it("lints the body: headings, paragraphs, list items, quotes, link text, image alt text, HTML text", () => {
    expect(findingAt(16).map((finding) => finding.suggestion)).toEqual([`کشته${Z}شدگان`]);
    expect(findingAt(7).map((finding) => finding.suggestion)).toEqual([`خبرگزاری${Z}ها`]);
    expect(findingAt(18).map((finding) => finding.word)).toEqual(["کانالها", "تماسها"]);
    expect(findingAt(24).map((finding) => finding.suggestion)).toEqual([`آن${Z}ها`]);
    expect(findingAt(25).map((finding) => finding.suggestion)).toEqual([`عرصه${Z}ها`]);
    expect(findingAt(27).map((finding) => finding.suggestion)).toEqual([`سازمان${Z}ها`]);
  });

  it("skips machine fields, front matter keys, code, URLs, HTML tags, comments and template tags", () => {
    const linted = new Set(lintMarkdown(article).map((finding) => finding.line));
    for (const line of [8, 11, 12, 13, 14, 20, 21, 22, 28, 29])
      expect(linted.has(line), `line ${line}`).toBe(false);
  });

  it("reports a machine field's Persian text nowhere", () => {
    expect(lintMarkdown(article).some((finding) => finding.word.includes("میرسد"))).toBe(false);
  });

  it("throws a TypeError naming a non-string value", () => {
    expect(() => lintMarkdown(Buffer.from("x") as unknown as string)).toThrow(
      /lintMarkdown expects a string, got object/u,
    );
  });
});

describe("fixMarkdown", () => {
  const fixed = fixMarkdown(article);

  it("fixes the prose and nothing else", () => {
    const changedLines = article
      .split("\n")
      .map((line, index) => [index + 1, line, fixed.split("\n")[index]] as const)
      .filter(([, before, after]) => before !== after)
      .map(([line]) => line);
    expect(changedLines).toEqual([2, 3, 5, 6, 7, 9, 10, 16, 18, 24, 25, 27]);
  });

  it("leaves code, URLs, HTML attributes and template tags byte for byte", () => {
    for (const kept of [
      "`میرسد`",
      "https://example.com/تروریستها",
      'class="میرسد"',
      "const x = 'دولتهای';",
      '{% include "دولتها.njk" %}',
      "/img/دولتها.jpg",
    ]) {
      expect(fixed).toContain(kept);
    }
  });

  it("lints clean after fixing", () => {
    expect(lintMarkdown(fixed)).toEqual([]);
  });

  it("is idempotent", () => {
    expect(fixMarkdown(fixed)).toBe(fixed);
  });

  it("never writes «: » into a plain YAML scalar, which would change the YAML", () => {
    const yaml = "---\ntitle: وی گفت :ما\n---\n";
    expect(fixMarkdown(yaml)).toBe("---\ntitle: وی گفت:ما\n---\n");
  });

  it("fixes a file without front matter", () => {
    expect(fixMarkdown("متن با دولتها\n")).toBe(`متن با دولت${Z}ها\n`);
  });
});

describe("findProseRanges", () => {
  it("finds only the value of a prose field, inside its quotes", () => {
    const text = '---\ntitle: "سلام"\ndate: 2024\n---\n';
    expect(findProseRanges(text).map((range) => text.slice(range.start, range.end))).toEqual([
      "سلام",
    ]);
  });

  it("finds the items of an inline tag list", () => {
    const text = "---\ntags: [قرهباغ, 'مینسک']\n---\n";
    expect(findProseRanges(text).map((range) => text.slice(range.start, range.end))).toEqual([
      "قرهباغ",
      "مینسک",
    ]);
  });
});
