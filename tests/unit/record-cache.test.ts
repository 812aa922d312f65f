/**
 * The search records kept between builds (src/search/record-cache.ts): an index built with the
 * cache, cold or warm, whatever its folder holds, is the index built without it, and a warm cache
 * makes only the records of the articles that changed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPackCache, savePackCache, type FreshEntries } from "../../src/pack-cache.ts";
import { buildSearchIndex } from "../../src/search/build-index.ts";
import type { SearchArticle } from "../../src/search/records.ts";
import {
  openRecordCache,
  searchArticleKey,
  type RecordCache,
} from "../../src/search/record-cache.ts";
import { searchFixtureArticles } from "../support/search-articles.ts";

const articles = searchFixtureArticles();
const uncached = buildSearchIndex({ articles });

let folder: string;
beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), "sarkhat-record-cache-")), "version");
});
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

/** One build's index through a cache opened on `folder` now, then saved, as the index worker does. */
function throughCache(input: readonly SearchArticle[] = articles) {
  const cache: RecordCache = openRecordCache(folder);
  const output = buildSearchIndex({ articles: input, cache });
  cache.save();
  return { cache, output };
}

describe("openRecordCache", () => {
  it("gives the index made without it, cold and then warm, and makes no record when warm", () => {
    const cold = throughCache();
    expect(cold.output.files, "cold").toEqual(uncached.files);
    expect(cold.output.stats.recordsMade, "every record made cold").toBe(articles.length);
    const warm = throughCache();
    expect(warm.output.files, "warm").toEqual(uncached.files);
    expect(warm.output.stats.recordsMade, "none made warm").toBe(0);
  });

  it("gives the same index whatever the order of the articles, cold or warm", () => {
    expect(throughCache([...articles].reverse()).output.files, "cold").toEqual(uncached.files);
    expect(throughCache().output.files, "warm, in the other order").toEqual(uncached.files);
  });

  it("makes again the record of an edited article only, and indexes its new text", () => {
    throughCache();
    const [first, ...rest] = articles;
    const edited = [{ ...first!, title: `${first!.title} ویرایش‌شده` }, ...rest];
    const { output } = throughCache(edited);
    expect(output.stats.recordsMade, "one record made").toBe(1);
    expect(output.files).toEqual(buildSearchIndex({ articles: edited }).files);
  });

  // Every field the record is made from: a change to any is another entry.
  const changes: [keyof SearchArticle, (article: SearchArticle) => Partial<SearchArticle>][] = [
    ["code", (article) => ({ code: article.code + 100_000 })],
    ["url", (article) => ({ url: `${article.url}x/` })],
    ["title", (article) => ({ title: `${article.title}!` })],
    ["surtitle", (article) => ({ surtitle: `${article.surtitle ?? ""}روتیتر` })],
    ["lead", (article) => ({ lead: `${article.lead} بیشتر` })],
    ["html", (article) => ({ html: `${article.html}<p>بند تازه</p>` })],
    ["tags", (article) => ({ tags: [...article.tags, "برچسب تازه"] })],
    ["section", (article) => ({ section: `${article.section} دیگر` })],
    ["date", (article) => ({ date: new Date(article.date.getTime() + 60_000) })],
    ["hasTime", (article) => ({ hasTime: !article.hasTime })],
  ];
  it.each(changes)("keys an entry by the article's %s too", (_, change) => {
    const article = articles[0]!;
    expect(searchArticleKey({ ...article, ...change(article) })).not.toBe(
      searchArticleKey(article),
    );
    expect(searchArticleKey({ ...article }), "and by nothing else").toBe(searchArticleKey(article));
  });

  // Each kind of damage, done to every entry of a warm cache: the real entries, cut, lengthened,
  // or with the number of keys at their head changed (the first 32 bits, src/search/record-cache.ts).
  const damages: [string, (entry: Buffer) => Buffer][] = [
    ["bytes that are no entry", () => Buffer.from("not an entry")],
    ["nothing", () => Buffer.alloc(0)],
    ["an entry cut short", (entry) => entry.subarray(0, entry.length - 2)],
    ["an entry with a byte more", (entry) => Buffer.concat([entry, Buffer.from([0])])],
    [
      "an entry counting one key more than it holds",
      (entry) => {
        const changed = Buffer.from(entry);
        changed.writeUInt32LE(entry.readUInt32LE(0) + 1, 0);
        return changed;
      },
    ],
  ];
  it.each(damages)("reads %s as missing, and makes the record anew", (_, damage) => {
    throughCache();
    const keys = articles.map(searchArticleKey);
    const damaged: Buffer[] = [];
    openPackCache(folder).readEach(keys, (index, entry) => (damaged[index] = damage(entry)));
    expect(damaged.filter(Boolean), "every entry was kept").toHaveLength(keys.length);
    const entries: FreshEntries = {
      entries: keys.map((key, index) => [key, index, 0, damaged[index]!.length]),
      chunks: damaged,
    };
    savePackCache(folder, new Set(keys), [entries]);
    const again = throughCache();
    expect(again.output.files).toEqual(uncached.files);
    expect(again.output.stats.recordsMade, "every damaged record made again").toBe(articles.length);
    expect(throughCache().output.stats.recordsMade, "and kept anew").toBe(0);
  });

  it("makes every record, without throwing, when its folder cannot be written", () => {
    mkdirSync(path.dirname(folder), { recursive: true });
    writeFileSync(folder, "a file where the folder would be");
    expect(throughCache().output.files).toEqual(uncached.files);
    expect(throughCache().output.stats.recordsMade, "nothing was kept").toBe(articles.length);
  });

  it("drops an absent article's record only from a pack it rewrites", () => {
    throughCache();
    // A build without the first article that makes one record rewrites that record's pack alone,
    // with the records of the articles it indexed.
    const [first, ...rest] = articles;
    const edited = { ...rest[0]!, lead: `${rest[0]!.lead} ویرایش` };
    expect(throughCache([edited, ...rest.slice(1)]).output.stats.recordsMade).toBe(1);
    const again = throughCache([first!, edited, ...rest.slice(1)]);
    expect(again.output.files).toEqual(
      buildSearchIndex({ articles: [first!, edited, ...rest.slice(1)] }).files,
    );
    const sharesPack =
      searchArticleKey(first!).slice(0, 2) === searchArticleKey(edited).slice(0, 2);
    expect(
      again.output.stats.recordsMade,
      "the first made again only if it was in the pack that was rewritten",
    ).toBe(sharesPack ? 1 : 0);
  });
});
