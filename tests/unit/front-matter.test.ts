import { describe, expect, it } from "vitest";
import {
  parseSource,
  parseWithPositions,
  plainShapeKeyLines,
} from "../../src/content/front-matter.ts";

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

// parseSource reads the usual shape with js-yaml (fast) and any other with `yaml` (the reference,
// parseWithPositions): for the usual shape, both must give the same data and the same key lines.
describe("the fast reading of the usual front matter", () => {
  const usual: [string, string][] = [
    [
      "the seed article's shape",
      "# a comment\ncode: 1001\ntitle: گروه مینسک خواستار خروج تروریست‌ها از قره‌باغ شد\nlead: روسیه، آمریکا و فرانسه.\ndate: 2020-12-03\nsection: بین‌الملل\ntags:\n  - قره‌باغ\n  - گروه مینسک",
    ],
    [
      "quoted values with escapes",
      "title: \"نقل «قول» \\\"او\\\" \\u200c و \\\\\"\nlead: 'it''s'\ntags:\n- \"الف\"\n- 'ب'",
    ],
    ["numbers as both read them", "code: 012\na: +12\nb: 1.5\nc: 0\nd: 42"],
    [
      "dates and times stay text",
      "date: 2024-03-19T14:08\nupdated: 2024-03-19T14:08:30.5+03:30\nx: 2024-03-19T14:08Z",
    ],
    ["booleans, nulls and empty values", "draft: true\na: False\nb: null\nc: ~\nd:\ne: yes"],
    ["plain text with YAML characters inside", "title: C# و 50% رشد، [نقل] {قول}\nsource: a:b c#d"],
    ["blank lines and comments between items", "tags:\n\n  # first\n  - الف\n\n  - ب\ncode: 1"],
  ];
  it.each(usual)("%s", (_, yaml) => {
    const keyLines = plainShapeKeyLines(yaml);
    expect(keyLines, "the text has the usual shape").toBeDefined();
    const fast = parseSource(`---\n${yaml}\n---\nمتن\n`);
    const reference = parseWithPositions(yaml, "متن\n");
    expect(reference.errors, "the reference reads it without error").toEqual([]);
    expect(fast.errors, "no errors").toEqual([]);
    expect(fast.data, "the same data as `yaml`").toEqual(reference.data);
    for (const key of keyLines!.keys())
      expect(fast.lineOf(key), `the line of ${key}`).toBe(reference.lineOf(key));
  });

  const other: [string, string][] = [
    ["a quote left open (the next field would be swallowed)", 'title: "نشست\nlead: متن"'],
    ["a list in brackets", "tags: [الف, ب]"],
    ["a tab", "code:\t1"],
    ["a key twice", "code: 1\ncode: 2"],
    ["a binary number js-yaml reads and `yaml` does not", "code: 0b101"],
    ["digits with underscores", "code: 1_000"],
    ["a negative number", "code: -1"],
    ["a block scalar", "lead: |\n  متن"],
    ["a plain value continued on the next line", "lead: متن\n  ادامه"],
    ["an anchor and an alias", "a: &x 1\nb: *x"],
    ["a comment after a value", 'title: "x" # c'],
    ["a nested mapping", "image:\n  src: a.jpg"],
    ["items at two indents", "tags:\n  - الف\n    - ب"],
    ["a list under a key with a value", "code: 1\n  - الف"],
    ["a key that is not a name", "عنوان: متن"],
    ["a value with a colon and a space", "title: خبر: متن"],
    ["a tag", "code: !custom 1"],
  ];
  it.each(other)("%s is left to `yaml`", (_, yaml) => {
    expect(plainShapeKeyLines(yaml), "not the usual shape").toBeUndefined();
    const parsed = parseSource(`---\n${yaml}\n---\n`);
    const reference = parseWithPositions(yaml, "");
    expect(parsed.errors, "the reference's errors").toEqual(reference.errors);
    expect(parsed.data, "the reference's data").toEqual(reference.data);
  });
});
