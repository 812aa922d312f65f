/**
 * The benchmark's corpus generator (bench/corpus.ts): valid articles, the same bytes every time,
 * and the spread a newsroom archive has. The benchmark itself is not a test (no timings here).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/corpus.ts";
import { readArticles } from "../../src/content/load-articles.ts";
import { toJalali } from "../../src/persian/jalali.ts";
import { site } from "../../src/site.ts";

const COUNT = 400;
const dir = mkdtempSync(path.join(os.tmpdir(), "sarkhat-corpus-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the benchmark corpus", () => {
  const generated = [...generateCorpus(COUNT)];
  writeCorpus(dir, COUNT);
  const { articles, problems } = readArticles({ dir, root: dir });

  it("is the same, byte for byte, every time", () => {
    expect([...generateCorpus(COUNT)]).toEqual(generated);
    expect([...generateCorpus(COUNT, 7)]).not.toEqual(generated);
  });

  it("passes the article loader's validation, every article published", () => {
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(COUNT);
    expect(new Set(articles.map((article) => article.code)).size).toBe(COUNT);
  });

  it("has articles of 2–5 KB", () => {
    const sizes = generated.map((article) => Buffer.byteLength(article.source));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2048);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5120);
  });

  it("spreads dates over five Jalali years, filed in one folder per year", () => {
    const years = new Set(articles.map((article) => toJalali(article.date, site.timeZone).year));
    expect([...years].sort()).toEqual([1398, 1399, 1400, 1401, 1402]);
    for (const article of articles)
      expect(article.file.split("/").at(-2)).toBe(
        String(toJalali(article.date, site.timeZone).year),
      );
    expect(articles.some((article) => article.hasTime)).toBe(true);
    expect(articles.some((article) => !article.hasTime)).toBe(true);
  });

  it("uses every section and Persian tags, multi-word ones included, some far more than others", () => {
    expect(new Set(articles.map((article) => article.section.slug))).toEqual(
      new Set(site.sections.map((section) => section.slug)),
    );
    const uses = new Map<string, number>();
    for (const article of articles)
      for (const tag of article.tags) uses.set(tag.name, (uses.get(tag.name) ?? 0) + 1);
    expect([...uses.keys()].some((name) => name.includes(" "))).toBe(true);
    expect([...uses.keys()].some((name) => name.includes("\u200c"))).toBe(true);
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(10 * counts.at(-1)!);
  });

  it("has the optional fields on some articles only", () => {
    for (const field of ["surtitle", "source", "author", "modified"] as const) {
      const share = articles.filter((article) => article[field] !== undefined).length / COUNT;
      expect(share, field).toBeGreaterThan(0.03);
      expect(share, field).toBeLessThan(0.7);
    }
  });
});
