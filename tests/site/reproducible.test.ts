/**
 * Two builds of the same content are byte-identical whatever the machine: another time zone,
 * another locale, a clock a year and more off, another order of the files on disk and other file
 * modification times. Every file of both trees is hashed and compared. And whichever way the build
 * runs: `npm run build` runs its program from a bundle (src/main-bundle.mjs), the other builds
 * through tsx.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticles } from "../../src/content/load-articles.ts";
import { listMarkdownFiles } from "../../src/content/source-files.mjs";
import { hashTree, treeDifferences } from "../support/tree-hash.ts";
import { buildInChildOrFail, npmRunBuildArgs } from "../support/run-build.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The richest content there is: sections, tags, pagination, the archive, drafts, future dates.
const CORPUS = path.join(ROOT, "tests/fixtures/newsroom");
const HOUR = 3_600_000;

let dir: string;
let first: Map<string, string>;
let second: Map<string, string>;
let bundled: Map<string, string>;

/**
 * Two publication instants that publish the same articles: just after the newest article that is
 * already out, and a little later, before the next one (a future-dated article, if any).
 */
function publicationInstants(): [string, string] {
  const now = Date.now();
  const dates = readArticles({ dir: CORPUS, includeDrafts: true })
    .articles.map((article) => article.date.getTime())
    .sort((a, b) => a - b);
  const published = dates.filter((date) => date <= now);
  const next = dates.find((date) => date > now) ?? Infinity;
  const earlier = (published.at(-1) ?? 0) + HOUR;
  const later = Math.min(now, next - HOUR);
  if (!(later > earlier))
    throw new Error("the corpus leaves no room between two publication instants");
  return [new Date(earlier).toISOString(), new Date(later).toISOString()];
}

/** The corpus again, with the files in the reverse order on disk and other modification times. */
function shuffledCopy(target: string): void {
  const files = listMarkdownFiles(CORPUS);
  files.forEach((file, index) => {
    // Folder names sort the other way round: the last file is read first.
    const folder = path.join(target, `z${String(files.length - index).padStart(4, "0")}`);
    mkdirSync(folder, { recursive: true });
    const copy = path.join(folder, path.basename(file));
    cpSync(file, copy);
    utimesSync(copy, new Date("2001-02-03T04:05:06Z"), new Date(Date.UTC(2001, 1, 3, 4, 5, index)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sarkhat-reproducible-"));
  const [earlier, later] = publicationInstants();
  shuffledCopy(path.join(dir, "shuffled"));
  // One after the other: the machine is small, and the two must not share anything anyway.
  await buildInChildOrFail({
    outputDir: path.join(dir, "first"),
    articlesDir: CORPUS,
    env: {
      TZ: "UTC",
      LANG: "C",
      LC_ALL: "C",
      SARKHAT_NOW: earlier,
      SARKHAT_TEST_CLOCK_OFFSET_DAYS: undefined,
    },
  });
  await buildInChildOrFail({
    outputDir: path.join(dir, "second"),
    articlesDir: path.join(dir, "shuffled"),
    env: {
      TZ: "Pacific/Kiritimati",
      LANG: "fa_IR.UTF-8",
      LC_ALL: "fa_IR.UTF-8",
      SARKHAT_NOW: later,
      SARKHAT_TEST_CLOCK_OFFSET_DAYS: "400",
    },
  });
  // The first build again, as `npm run build` runs it.
  await promisify(execFile)(
    process.execPath,
    npmRunBuildArgs(["--output", path.join(dir, "bundled"), "--articles", CORPUS]),
    { cwd: ROOT, env: { ...process.env, TZ: "UTC", LANG: "C", LC_ALL: "C", SARKHAT_NOW: earlier } },
  );
  first = hashTree(path.join(dir, "first"));
  second = hashTree(path.join(dir, "second"));
  bundled = hashTree(path.join(dir, "bundled"));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("two builds of the same content on different machines", () => {
  it("are a real site each (pages, feeds, assets)", () => {
    expect(first.size).toBeGreaterThan(50);
    expect([...first.keys()].filter((file) => file.endsWith(".html")).length).toBeGreaterThan(30);
    expect(first.has("feed.xml")).toBe(true);
    expect(first.has("_headers")).toBe(true);
  });

  it("are byte-identical, file by file", () => {
    expect(treeDifferences(first, second)).toEqual([]);
  });

  it("are byte-identical whether the build runs from its bundle or through tsx", () => {
    expect(bundled.size, "the bundled build wrote a site").toBe(first.size);
    expect(treeDifferences(first, bundled)).toEqual([]);
  });

  it("read the corpus in a different order (the test really shuffles)", () => {
    const original = listMarkdownFiles(CORPUS).map((file) => path.basename(file));
    const shuffled = listMarkdownFiles(path.join(dir, "shuffled")).map((file) =>
      path.basename(file),
    );
    expect(shuffled).toEqual([...original].reverse());
    expect(readdirSync(path.join(dir, "shuffled")).length).toBe(original.length);
  });
});
