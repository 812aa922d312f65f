import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMarkdownFiles, listSourceFiles } from "../../src/content/source-files.mjs";

// The listing is walked by hand for speed (source-files.mjs); Node's recursive listing and
// `path.relative`, which it replaced, are the oracle it must agree with name for name, but for
// folders whose name ends in .md, which Node's listing names too.
const byNode = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name))
    .filter((file) => !statSync(file).isDirectory())
    .sort();

let base: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), "sarkhat-source-files-"));
  const archive = path.join(base, "project", "content", "news");
  for (const [file, text] of [
    ["1399/1001.md", "a"],
    ["1399/1002.md", "b"],
    ["1400/deep/1003.md", "c"],
    ["1400/notes.txt", "not Markdown"],
    ["1400/1004.markdown", "not the archive's extension"],
    ["top.md", "d"],
  ] as const) {
    mkdirSync(path.dirname(path.join(archive, file)), { recursive: true });
    writeFileSync(path.join(archive, file), text);
  }
  // A folder whose name ends in .md, and a link to a folder: neither is a file of the archive.
  mkdirSync(path.join(archive, "odd.md"));
  writeFileSync(path.join(archive, "odd.md", "1005.md"), "e");
  mkdirSync(path.join(base, "elsewhere"));
  writeFileSync(path.join(base, "elsewhere", "9999.md"), "f");
  symlinkSync(path.join(base, "elsewhere"), path.join(archive, "linked"));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("listMarkdownFiles", () => {
  it.each([
    ["an absolute folder", () => path.join(base, "project", "content")],
    ["a folder with a trailing separator", () => path.join(base, "project", "content") + path.sep],
    ["a folder given with ..", () => path.join(base, "project", "content", "news", "..")],
  ])("lists what Node's recursive listing lists, sorted, for %s", (_, folder) => {
    const dir = folder();
    expect(listMarkdownFiles(dir), `the .md names under ${dir}`).toEqual(byNode(dir));
  });

  it("lists relative folders as path.join names them", () => {
    const previous = process.cwd();
    process.chdir(path.join(base, "project", "content", "news"));
    try {
      for (const dir of [".", "1399", "./1400/", "1399/../1400"])
        expect(listMarkdownFiles(dir), `the names under ${dir}`).toEqual(byNode(dir));
    } finally {
      process.chdir(previous);
    }
  });

  it("follows a link to a folder and leaves out a folder named like an article", () => {
    const files = listMarkdownFiles(path.join(base, "project"));
    const news = path.join(base, "project", "content", "news");
    expect(files, "the article reached through the link").toContain(
      path.join(news, "linked", "9999.md"),
    );
    expect(files, "the folder odd.md is not a file").not.toContain(path.join(news, "odd.md"));
    expect(files, "what the folder odd.md holds").toContain(path.join(news, "odd.md", "1005.md"));
  });
});

describe("listSourceFiles", () => {
  const project = () => path.join(base, "project");
  const news = () => path.join(base, "project", "content", "news");
  it.each([
    ["the project root, the archive inside it", () => news(), () => project()],
    ["the archive itself as the root", () => news(), () => news()],
    ["a root beside the archive", () => news(), () => path.join(base, "elsewhere")],
    ["a root below the archive", () => news(), () => path.join(news(), "1400")],
    ["a root two folders below the archive", () => news(), () => path.join(news(), "1400", "deep")],
    ["a root above the project", () => news(), () => base],
  ])("names each file from %s as path.relative does", (_, dir, root) => {
    const expected = byNode(dir()).map((absolute) => ({
      absolute,
      file: path.relative(root(), absolute).split(path.sep).join("/"),
    }));
    expect(listSourceFiles({ dir: dir(), root: root() }), "the files and their names").toEqual(
      expected,
    );
  });
});
