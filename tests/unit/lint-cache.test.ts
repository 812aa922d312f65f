import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentKey } from "../../src/persian/content-key.ts";
import {
  lintCacheVersion,
  openLintCache,
  readLintCache,
  typographyCacheVersion,
  type LintCache,
} from "../../src/persian/lint-cache.ts";
import { lintContentFiles, summarizeFromCache } from "../../src/persian/lint-files.ts";
import { lexiconSources } from "../../src/persian/lexicon.ts";
import type { Finding } from "../../src/persian/typography.ts";
import { LINT_CACHE_FILE, startTypographySummary } from "../../src/typography-summary.ts";
import { workerCodeVersion } from "../../src/worker.ts";

const LINT_WORKER = new URL("../../src/persian/lint-worker.ts", import.meta.url);

const Z = "\u200C";
let root: string;
let cacheFile: string;

// Articles as editors write them: findings in some, none in others, one with a byte that is not
// UTF-8 (the lint reads it as U+FFFD, with or without the cache).
const ARTICLES: Record<string, string | Buffer> = {
  "a.md": "---\ntitle: دولتها\n---\nمتن با نامهای\n",
  "b.md": `---\ntitle: دولت${Z}ها\n---\nمتن درست.\n`,
  "c.md": "---\ntitle: کتابها\n---\nمیخواهم بروم.\n",
  "same-as-a.md": "---\ntitle: دولتها\n---\nمتن با نامهای\n",
  "broken-byte.md": Buffer.concat([
    Buffer.from("---\ntitle: خبر\n---\nنامهای "),
    Buffer.from([0xff]),
    Buffer.from("\n"),
  ]),
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "sarkhat-lint-cache-"));
  mkdirSync(path.join(root, "news"));
  for (const [name, text] of Object.entries(ARTICLES))
    writeFileSync(path.join(root, "news", name), text);
  cacheFile = path.join(root, "cache", "findings.json");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A cache that counts how often it had to lint. */
function counting(cache: LintCache): LintCache & { asked: number } {
  const counted = {
    asked: 0,
    findings(bytes: Uint8Array, lint: () => Finding[]) {
      counted.asked++;
      return cache.findings(bytes, lint);
    },
    get linted() {
      return cache.linted;
    },
    save: () => cache.save(),
  };
  return counted;
}

async function lintWith(version: string) {
  const cache = counting(openLintCache(cacheFile, version));
  const result = await lintContentFiles([path.join(root, "news")], { cache });
  cache.save();
  return { result, cache };
}

describe("openLintCache with lintContentFiles", () => {
  it("gives the findings of a lint without it, cold and then warm, linting only what it lacks", async () => {
    const expected = await lintContentFiles([path.join(root, "news")]);
    expect(expected.findings.length, "the fixture has findings to keep").toBeGreaterThan(2);

    const cold = await lintWith("v1");
    expect(cold.result, "cold: the same result").toEqual(expected);
    // same-as-a.md has a.md's bytes: linted once.
    expect(cold.cache.linted, "cold: every distinct file linted").toBe(4);

    const warm = await lintWith("v1");
    expect(warm.result, "warm: the same result").toEqual(expected);
    expect(warm.cache.asked, "warm: every file looked up").toBe(5);
    expect(warm.cache.linted, "warm: nothing linted").toBe(0);
  });

  it("lints a file again once its bytes change, and only that file", async () => {
    await lintWith("v1");
    writeFileSync(path.join(root, "news", "b.md"), "---\ntitle: درست\n---\nکتابها\n");
    const expected = await lintContentFiles([path.join(root, "news")]);
    const { result, cache } = await lintWith("v1");
    expect(result, "the changed file's new findings").toEqual(expected);
    expect(
      result.findings.some((finding) => finding.file.endsWith("b.md")),
      "b.md now has a finding",
    ).toBe(true);
    expect(cache.linted, "only the changed file linted").toBe(1);
  });

  it("reuses nothing made by other code or word lists (another version)", async () => {
    await lintWith("v1");
    const { cache } = await lintWith("v2");
    expect(cache.linted, "every distinct file linted again").toBe(4);
  });

  it.each([
    ["cut short", '{"version":"v1","entries":[["abc",'],
    ["not JSON at all", "\u0000\u0001"],
    [
      "entries of the wrong shape",
      JSON.stringify({ version: "v1", entries: [["x", "y"], 5, null] }),
    ],
  ])("treats a damaged cache file (%s) as empty", async (_, contents) => {
    const expected = await lintContentFiles([path.join(root, "news")]);
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, contents);
    const { result, cache } = await lintWith("v1");
    expect(result, "the findings of a lint without a cache").toEqual(expected);
    expect(cache.linted, "every distinct file linted").toBe(4);
  });

  it("keeps this build's files first and at most maxFiles of them", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const finding = (word: string): Finding[] => [
      { line: 1, column: 1, word, suggestion: word, rule: "test", confidence: "high" },
    ];
    const first = openLintCache(cacheFile, "v1", { maxFiles: 3 });
    for (const word of ["یک", "دو", "سه"]) first.findings(bytes(word), () => finding(word));
    first.save();

    const second = openLintCache(cacheFile, "v1", { maxFiles: 3 });
    second.findings(bytes("چهار"), () => finding("چهار"));
    second.findings(bytes("یک"), () => finding("never"));
    second.save();
    const saved = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: [string, Finding[]][] };
    expect(
      saved.entries.map(([, findings]) => findings[0]!.word),
      "this build's two, then one of the last build's",
    ).toEqual(["چهار", "یک", "دو"]);
  });

  it("writes nothing when nothing was linted, and never throws where it cannot write", () => {
    const unwritable = path.join(root, "a-file", "findings.json");
    writeFileSync(path.join(root, "a-file"), "not a folder");
    const cache = openLintCache(unwritable, "v1");
    cache.findings(new Uint8Array([1]), () => []);
    expect(() => cache.save(), "a failed save is silent").not.toThrow();

    const idle = openLintCache(cacheFile, "v1");
    idle.save();
    expect(
      () => readFileSync(cacheFile),
      "no file written for a build that linted nothing",
    ).toThrow();
  });

  it("refuses fix with a cache, and an empty version, naming the problem", async () => {
    await expect(
      lintContentFiles([root], { fix: true, cache: openLintCache(cacheFile, "v1") }),
    ).rejects.toThrow(/fix and cache/u);
    expect(() => openLintCache(cacheFile, "")).toThrow(/non-empty version, got ""/u);
  });
});

describe("lintCacheVersion", () => {
  it("changes with the code and with any word list's bytes", () => {
    const list = path.join(root, "words.txt");
    writeFileSync(list, "کتاب\n");
    const before = lintCacheVersion("lint-worker.aaaa.mjs", [list]);
    expect(lintCacheVersion("lint-worker.aaaa.mjs", [list]), "the same inputs").toBe(before);
    expect(lintCacheVersion("lint-worker.bbbb.mjs", [list]), "other code").not.toBe(before);
    writeFileSync(list, "کتاب\nدفتر\n");
    expect(lintCacheVersion("lint-worker.aaaa.mjs", [list]), "a word added").not.toBe(before);
  });

  it("covers the dictionary and every word list the lexicon reads", () => {
    const { files, decoder } = lexiconSources();
    expect(
      files.some((file) => file.endsWith(".trie.gz")),
      "the dictionary",
    ).toBe(true);
    for (const list of [
      "additions.txt",
      "exceptions.txt",
      "compounds.txt",
      "preferred-readings.txt",
    ])
      expect(
        files.some((file) => path.basename(file) === list),
        list,
      ).toBe(true);
    expect(decoder, "the decoder's version").toMatch(/^cspell-trie-lib@\d/u);
  });
});

describe("startTypographySummary", () => {
  it("gives the same summary with a cold cache, a warm one and none", async () => {
    const folders = [path.join(root, "news")];
    const none = await startTypographySummary(folders, { cacheFile: false });
    const cold = await startTypographySummary(folders, { cacheFile });
    const saved = readFileSync(cacheFile, "utf8");
    const warm = await startTypographySummary(folders, { cacheFile });
    expect(none, "the summary names every file").toMatch(/5 files/u);
    expect(cold, "cold cache").toBe(none);
    expect(warm, "warm cache").toBe(none);
    expect(readFileSync(cacheFile, "utf8"), "a warm run rewrites nothing").toBe(saved);
  });

  it("takes the summary from the cache alone when it has every file, and not when one changed", async () => {
    const folders = [path.join(root, "news")];
    const files = Object.keys(ARTICLES).map((name) => path.join(root, "news", name));
    const expected = await startTypographySummary(folders, { cacheFile: false });
    await startTypographySummary(folders, { cacheFile });
    const code = await workerCodeVersion(LINT_WORKER);
    const cached = readLintCache(cacheFile, typographyCacheVersion(code!));
    const keys = new Map(files.map((file) => [file, contentKey(readFileSync(file))]));
    expect(await summarizeFromCache(folders, cached, keys), "keys given").toBe(expected);
    expect(await summarizeFromCache(folders, cached, new Map()), "files read").toBe(expected);
    expect(
      await summarizeFromCache(folders, cached, new Map([[files[0]!, "not-a-key"]])),
      "a key the cache does not have",
    ).toBeUndefined();
    expect(
      await startTypographySummary(folders, { cacheFile, contentKeys: keys }),
      "the build's way",
    ).toBe(expected);
    writeFileSync(files[1]!, "---\ntitle: کتابها\n---\nتازه.\n");
    expect(
      await summarizeFromCache(folders, cached, new Map()),
      "a file changed since",
    ).toBeUndefined();
    expect(
      await startTypographySummary(folders, { cacheFile, contentKeys: new Map() }),
      "then the worker lints it",
    ).toBe(await startTypographySummary(folders, { cacheFile: false }));
  });

  it("keeps the build's cache beside the other build caches", () => {
    expect(LINT_CACHE_FILE.split(path.sep).slice(-4)).toEqual([
      "node_modules",
      ".cache",
      "sarkhat-typography",
      "findings.json",
    ]);
  });
});
