import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  formatFinding,
  lintContentFiles,
  summarizeFindings,
} from "../../src/persian/lint-files.ts";

const Z = "\u200C";
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "lint-fa-"));
  await mkdir(join(root, "news", ".drafts"), { recursive: true });
  await writeFile(join(root, "news", "a.md"), "---\ntitle: دولتها\n---\nمتن با نامهای\n");
  await writeFile(join(root, "news", "clean.md"), `---\ntitle: دولت${Z}ها\n---\nمتن درست.\n`);
  await writeFile(join(root, "news", ".drafts", "hidden.md"), "دولتها\n");
  await writeFile(join(root, "news", "notes.txt"), "دولتها\n");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("lintContentFiles", () => {
  it("lints Markdown files under a directory, skipping dot folders and other extensions", async () => {
    const result = await lintContentFiles([root]);
    expect(result.files).toBe(2);
    expect(
      result.findings.map((finding) => [
        finding.file.slice(root.length),
        finding.line,
        finding.rule,
      ]),
    ).toEqual([
      ["/news/a.md", 2, "zwnj-plural"],
      ["/news/a.md", 4, "zwnj-ambiguous"],
    ]);
    expect(result.fixedFiles).toEqual([]);
  });

  it("finds regular Markdown files at any depth, leaving out hidden ones, node_modules and links", async () => {
    const tree = join(root, "tree");
    const files = {
      "top.md": true,
      "deep/er/still.markdown": true,
      "deep/LOUD.MD": true,
      "deep/.hidden.md": false,
      "deep/.private/inside.md": false,
      "node_modules/pkg/readme.md": false,
      "deep/node_modules/x.md": false,
      "deep/notes.txt": false,
    };
    for (const file of Object.keys(files)) {
      await mkdir(dirname(join(tree, file)), { recursive: true });
      await writeFile(join(tree, file), "دولتها\n");
    }
    await symlink(join(root, "news"), join(tree, "linked-folder"));
    await symlink(join(tree, "top.md"), join(tree, "linked.md"));
    const expected = Object.entries(files)
      .filter(([, linted]) => linted)
      .map(([file]) => join(tree, file))
      .sort();
    for (const given of [tree, `${tree}/`, join(tree, "deep", "..")]) {
      const result = await lintContentFiles([given]);
      expect(result.files, `how many files were linted under ${given}`).toBe(expected.length);
      expect(
        [...new Set(result.findings.map((finding) => finding.file))],
        `the files named in the findings, in order, under ${given}`,
      ).toEqual(expected);
    }
  });

  it("with fix, writes the high-confidence fixes and reports what is left", async () => {
    const result = await lintContentFiles([join(root, "news", "a.md")], { fix: true });
    expect(await readFile(join(root, "news", "a.md"), "utf8")).toBe(
      `---\ntitle: دولت${Z}ها\n---\nمتن با نامهای\n`,
    );
    expect(result.fixedFiles).toEqual([join(root, "news", "a.md")]);
    expect(result.findings.map((finding) => finding.rule)).toEqual(["zwnj-ambiguous"]);
  });

  it("rejects a path that does not exist, naming it", async () => {
    await expect(lintContentFiles([join(root, "missing")])).rejects.toThrow(
      `no such file or directory: ${join(root, "missing")}`,
    );
  });

  it("rejects paths that are not an array of strings, naming the value", async () => {
    await expect(lintContentFiles("content/" as unknown as string[])).rejects.toThrow(
      /expects an array of paths, got "content\/"/u,
    );
  });
});

describe("formatFinding", () => {
  it("writes file:line:col word → suggestion (rule) and marks warnings", () => {
    const base = {
      file: "content/a.md",
      line: 3,
      column: 7,
      word: "دولتها",
      suggestion: `دولت${Z}ها`,
      rule: "zwnj-plural",
    };
    expect(formatFinding({ ...base, confidence: "high" })).toBe(
      `content/a.md:3:7 دولتها → دولت${Z}ها (zwnj-plural)`,
    );
    expect(formatFinding({ ...base, confidence: "low" })).toBe(
      `content/a.md:3:7 دولتها → دولت${Z}ها (zwnj-plural) [warning]`,
    );
  });
});

describe("summarizeFindings", () => {
  it("says clean when there is nothing to report", () => {
    expect(summarizeFindings({ files: 1, findings: [] })).toBe(
      "Persian typography: 1 file, clean.",
    );
  });

  it("counts findings, warnings and fixed files in one line", async () => {
    const result = await lintContentFiles([root], { fix: true });
    expect(summarizeFindings(result)).toBe(
      "Persian typography: 2 files, fixed 1 file, 1 finding (1 warning).",
    );
  });
});
