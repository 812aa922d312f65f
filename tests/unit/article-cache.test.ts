/**
 * The cache of checked articles kept between builds (src/content/article-cache.ts): what it gives
 * is exactly what checking the file gives, cold or warm, and whatever is in its folder.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import {
  openArticleCache,
  saveArticleCache,
  type FreshEntries,
} from "../../src/content/article-cache.ts";
import { ARTICLE_CACHES, articleCacheFolder } from "../../src/content/article-cache-folder.mjs";
import { checkSource, readStampAndCheck } from "../../src/content/load-articles.ts";
import { contentKey } from "../../src/persian/content-key.ts";
import { installedPackagesVersion } from "../../src/worker-bundles.mjs";

let root: string;
let folder: string;
let files: string[];

// Files as an archive holds them: valid articles, and broken ones of each kind the loader reports
// (a schema problem, YAML it cannot read, a byte that is not UTF-8: read as U+FFFD either way).
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "sarkhat-article-cache-"));
  const news = path.join(root, "news");
  writeCorpus(news, 4);
  const valid = readdirSync(news, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort();
  const first = readFileSync(path.join(news, valid[0]!), "utf8");
  writeFileSync(path.join(news, "no-title.md"), first.replace(/^title: .*$/mu, "title: ''"));
  writeFileSync(path.join(news, "bad-yaml.md"), first.replace(/^title: .*$/mu, 'title: "open'));
  writeFileSync(
    path.join(news, "bad-byte.md"),
    Buffer.concat([Buffer.from(first), Buffer.from([0xff]), Buffer.from(" پایان.\n")]),
  );
  files = [...valid, "no-title.md", "bad-yaml.md", "bad-byte.md"].map((file) =>
    path.join("news", file),
  );
  folder = path.join(root, "cache", "version");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * Each file checked without any cache, as the loader did before it had one, with its key in the
 * typography lint's cache, which the loader takes as it reads the file.
 */
const uncached = () =>
  files.map((file) => {
    const bytes = readFileSync(path.join(root, file));
    return { ...checkSource(bytes.toString("utf8"), file), contentKey: contentKey(bytes) };
  });

/** Each file through a cache opened on `folder` now, as one build's thread does; then saved. */
function throughCache() {
  const cache = openArticleCache(folder);
  const results = files.map(
    (file) => readStampAndCheck(path.join(root, file), file, cache).checked,
  );
  cache.close();
  saveArticleCache(folder, new Set(cache.used), [cache.fresh]);
  return { cache, results };
}

/** Entries of the given keys, each holding `bytes`, as a thread that made them would give them. */
const entriesOf = (keys: readonly string[], bytes: Uint8Array): FreshEntries => ({
  entries: keys.map((key) => [key, 0, 0, bytes.length]),
  chunks: [bytes],
});

describe("openArticleCache and saveArticleCache", () => {
  it("give what checking gives, cold and then warm, and check nothing when warm", () => {
    const expected = uncached();
    expect(
      expected.filter((checked) => checked.article).length,
      "the fixture has valid articles",
    ).toBe(4);
    expect(expected.filter((checked) => checked.problems.length).length, "and broken files").toBe(
      3,
    );
    const cold = throughCache();
    expect(cold.results, "cold: checked now").toStrictEqual(expected);
    expect(cold.cache.fresh.entries, "cold: every file checked").toHaveLength(files.length);
    const warm = throughCache();
    // toStrictEqual: dates stay dates, and an absent field stays absent rather than undefined.
    expect(warm.results, "warm: read from the cache").toStrictEqual(expected);
    expect(warm.cache.fresh.entries, "warm: no file checked").toHaveLength(0);
    expect(warm.cache.used, "the same entries asked for").toEqual(cold.cache.used);
    expect(new Set(cold.cache.used).size, "one entry per file").toBe(files.length);
    expect(
      readdirSync(folder).every((name) => /^[0-9a-f]{2}\.pack$/u.test(name)),
      "entries are in packs named by their key's first byte",
    ).toBe(true);
  });

  it("keys an entry by the file's name as well as its bytes", () => {
    throughCache();
    const bytes = readFileSync(path.join(root, "news", "no-title.md"));
    writeFileSync(path.join(root, "news", "copy.md"), bytes);
    const cache = openArticleCache(folder);
    const copy = readStampAndCheck(
      path.join(root, "news", "copy.md"),
      "news/copy.md",
      cache,
    ).checked;
    cache.close();
    expect(cache.fresh.entries, "the same bytes under another name are checked").toHaveLength(1);
    expect(
      copy.problems.map((problem) => problem.file),
      "its problems name it",
    ).toEqual(copy.problems.map(() => "news/copy.md"));
  });

  it("checks a changed file again, and only that one", () => {
    throughCache();
    const changed = path.join(root, files[1]!);
    writeFileSync(changed, readFileSync(changed, "utf8").replace(/^lead: /mu, "lead: تازه "));
    const { cache, results } = throughCache();
    expect(cache.fresh.entries).toHaveLength(1);
    expect(results).toStrictEqual(uncached());
  });

  it("keeps in the packs it writes only the entries of the build's files", () => {
    const { cache, results } = throughCache();
    // A build without the first file, whose one new entry falls in that file's pack.
    const [dropped, ...kept] = cache.used;
    const newcomer = `${dropped!.slice(0, 2)}${"0".repeat(62)}`;
    saveArticleCache(folder, new Set([...kept, newcomer]), [
      entriesOf([newcomer], serialize(results[1])),
    ]);
    const again = throughCache();
    expect(again.results).toStrictEqual(uncached());
    expect(
      again.cache.fresh.entries.map(([key]) => key),
      "the dropped file's entry is gone",
    ).toEqual([dropped]);
  });

  // Entries written through saveArticleCache itself, under the keys of the real files.
  it.each([
    ["bytes that are no serialisation", Buffer.from("not v8")],
    ["a value of another shape", serialize({ findings: [] })],
    ["an article without its dates", serialize({ problems: [], codeLine: 1, article: {} })],
  ])("reads an entry holding %s as missing, and makes it anew", (_, damaged) => {
    const { cache } = throughCache();
    const used = new Set(cache.used);
    saveArticleCache(folder, used, [entriesOf(cache.used, damaged)]);
    const again = throughCache();
    expect(again.results).toStrictEqual(uncached());
    expect(again.cache.fresh.entries, "every damaged entry checked again").toHaveLength(
      files.length,
    );
    expect(throughCache().cache.fresh.entries, "and made anew").toHaveLength(0);
  });

  it.each([
    ["cut short", (pack: Buffer) => pack.subarray(0, pack.length >> 1)],
    ["that is no pack", () => Buffer.from("not a pack")],
    ["whose table claims more than the file holds", () => Buffer.from([255, 255, 255, 255])],
  ])("reads a pack %s as holding nothing it cannot read whole", (_, damage) => {
    throughCache();
    for (const pack of readdirSync(folder))
      writeFileSync(path.join(folder, pack), damage(readFileSync(path.join(folder, pack))));
    const again = throughCache();
    expect(again.results).toStrictEqual(uncached());
    expect(again.cache.fresh.entries.length, "some files checked again").toBeGreaterThan(0);
    expect(throughCache().cache.fresh.entries, "and made anew").toHaveLength(0);
  });

  it("checks every file, without throwing, when its folder cannot be written", () => {
    mkdirSync(path.dirname(folder), { recursive: true });
    writeFileSync(folder, "a file where the folder would be");
    const { cache, results } = throughCache();
    expect(results).toStrictEqual(uncached());
    expect(cache.fresh.entries).toHaveLength(files.length);
    expect(throughCache().cache.fresh.entries, "nothing was kept").toHaveLength(files.length);
  });

  it("removes other versions' folders an hour after their last write", () => {
    const caches = path.dirname(folder);
    const old = path.join(caches, "old-version");
    const recent = path.join(caches, "recent-version");
    for (const other of [old, recent]) {
      mkdirSync(other, { recursive: true });
      writeFileSync(path.join(other, "00.pack"), "entries");
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    throughCache();
    expect(readdirSync(caches).sort(), "the old folder removed, the recent one kept").toEqual([
      "recent-version",
      "version",
    ]);
  });
});

describe("articleCacheFolder", () => {
  const environment = { SITE_URL: process.env.SITE_URL, PATH_PREFIX: process.env.PATH_PREFIX };
  afterEach(() => {
    for (const [name, value] of Object.entries(environment)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("is one folder per version of the code and of the settings the code reads", () => {
    const base = articleCacheFolder("/x/load-worker.0123456789abcdef.mjs");
    expect(path.dirname(base), "under the caches' folder").toBe(ARTICLE_CACHES);
    expect(articleCacheFolder("load-worker.0123456789abcdef.mjs"), "named by the bundle").toBe(
      base,
    );
    expect(articleCacheFolder("/x/load-worker.fedcba9876543210.mjs"), "other code").not.toBe(base);
    process.env.SITE_URL = "https://example.org";
    const otherSite = articleCacheFolder("/x/load-worker.0123456789abcdef.mjs");
    expect(otherSite, "another SITE_URL").not.toBe(base);
    process.env.PATH_PREFIX = "/news/";
    expect(
      articleCacheFolder("/x/load-worker.0123456789abcdef.mjs"),
      "another PATH_PREFIX",
    ).not.toBe(otherSite);
    expect(
      articleCacheFolder("/x/b.mjs", "/c", "packages-a"),
      "other packages installed (markdown-it, yaml, zod… are not in the bundle)",
    ).not.toBe(articleCacheFolder("/x/b.mjs", "/c", "packages-b"));
    expect(articleCacheFolder("/x/b.mjs", "/c"), "the installed packages by default").toBe(
      articleCacheFolder("/x/b.mjs", "/c", installedPackagesVersion()),
    );
    expect(path.dirname(articleCacheFolder("/x/b.mjs", "/elsewhere")), "a folder given").toBe(
      "/elsewhere",
    );
  });
});
