/**
 * The index and the query must meet without the dictionary in the browser: for every paragraph of
 * every corpus we have, the build's text (toIndexText) and the browser's key (toQueryKey) agree,
 * every indexed word's key is what the browser computes for it, and every word the build wrote
 * with a ZWNJ is found, by the engine in a real index of these paragraphs, whichever way a reader
 * types it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZWNJ } from "../../src/persian/chars.ts";
import { toMatchKey } from "../../src/persian/match-key.ts";
import { toIndexText } from "../../src/search/index-text.ts";
import { buildSearchIndex } from "../../src/search/build-index.ts";
import { queryAlternatives, toQueryKey } from "../../src/search/query-key.ts";
import type { SearchArticle } from "../../src/search/records.ts";
import { queryTerms, textWords, wordKeys } from "../../src/search/words.ts";
import { serveFiles } from "../support/search-index.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Real and fixture articles, and the benchmark's seed text: Persian as the site will index it.
const SOURCES = [
  "content/news",
  "tests/fixtures/newsroom",
  "tests/fixtures/search",
  "bench/seed-fa.txt",
];

function filesOf(source: string): string[] {
  const absolute = path.join(ROOT, source);
  if (source.endsWith(".txt")) return [absolute];
  return readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(absolute, name));
}

const paragraphs = [
  ...new Set(
    SOURCES.flatMap(filesOf).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.replace(/^\s*(?:-|[a-z]+:)\s*/u, "").trim())
        .filter((line) => /[\u0600-\u06FF]/u.test(line)),
    ),
  ),
];

const indexed = paragraphs.map((paragraph) => ({ paragraph, text: toIndexText(paragraph) }));
const keyOf = (text: string) => text.replaceAll(ZWNJ, "").toLowerCase();

describe("the build's index text and the browser's query key", () => {
  it("are made from a corpus worth checking", () => {
    expect(paragraphs.length).toBeGreaterThan(100);
  });

  it("agree: the query key of an indexed text is that text's words", () => {
    const disagreements = indexed.filter(({ text }) => toQueryKey(text) !== keyOf(text));
    expect(disagreements).toEqual([]);
  });

  it("agree with the typography module's match key, once affixes typed apart are joined", () => {
    const disagreements = indexed.filter(
      ({ paragraph, text }) => toQueryKey(toMatchKey(paragraph)) !== keyOf(text),
    );
    expect(disagreements).toEqual([]);
  });

  it.each([
    "رئیس",
    "مسأله",
    "مؤسسه",
    "إیران",
    "ٱلله",
    "خانهٔ",
    "خانۀ",
    "کِتابٌ",
    "کتــاب",
    "\u200Fکتاب\u200E",
    "ﻻریجانی",
    "Ｇ２٠",
    "كريم",
    "مصطفى",
    "۱۲۳٤٥",
    "NATO",
    "خانه\u00ADها",
  ])("fold %j as the match key does", (word) => {
    expect(toQueryKey(word)).toBe(toMatchKey(word));
  });

  const zwnjWords = [
    ...new Set(
      indexed
        .flatMap(({ text }) => text.split(" "))
        .map((word) => word.replace(/[^\p{L}\p{M}\u200C]/gu, "")),
    ),
  ].filter((word) => word.includes(ZWNJ));

  it("key every indexed word exactly as the browser keys that word typed as a query", () => {
    const words = [...new Set(indexed.flatMap(({ text }) => textWords(text)))];
    expect(words.length).toBeGreaterThan(500);
    const disagreements = words.filter(
      (word) => queryTerms(toQueryKey(word)).join(" ") !== (wordKeys(word)[0] ?? ""),
    );
    expect(disagreements).toEqual([]);
  });

  it("lead the query to every word the build wrote with a ZWNJ: with it, fused or with a space", () => {
    expect(zwnjWords.length).toBeGreaterThan(50);
    const missed: string[] = [];
    for (const word of zwnjWords) {
      const key = keyOf(word);
      for (const typed of [word, word.replaceAll(ZWNJ, ""), word.replaceAll(ZWNJ, " ")]) {
        const queryKey = toQueryKey(typed);
        if (
          queryKey !== key &&
          !queryAlternatives(queryKey).some((alternative) => alternative.query === key)
        )
          missed.push(`${typed} → ${queryKey}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("find every such word in a real index of these paragraphs, however it is typed", async () => {
    // One article per paragraph: a search for a word must find the paragraphs that hold it.
    const articles: SearchArticle[] = paragraphs.map((paragraph, position) => ({
      code: position + 1,
      url: `/news/${position + 1}/`,
      title: "متن",
      lead: paragraph,
      html: "",
      tags: [],
      section: "سیاسی",
      date: new Date(Date.UTC(2022, 0, 1)),
      hasTime: false,
    }));
    const { engine } = serveFiles(buildSearchIndex({ articles }).files);
    const missed: string[] = [];
    for (const word of zwnjWords) {
      const holding = indexed.flatMap(({ text }, position) =>
        textWords(text).some((w) => wordKeys(w).includes(keyOf(word))) ? [position + 1] : [],
      );
      for (const typed of [word, word.replaceAll(ZWNJ, ""), word.replaceAll(ZWNJ, " ")]) {
        const found = new Set((await engine.search(typed)).map((hit) => hit.code));
        const absent = holding.filter((code) => !found.has(code));
        if (absent.length) missed.push(`${typed}: not ${absent.join(", ")}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("need the fused alternatives only for words the rules cannot join: compounds", () => {
    // What the query key alone (without alternatives) misses when a reader types a space where the
    // ZWNJ belongs: compounds (بین‌المللی، گفت‌وگو), never suffixes or verb prefixes.
    const needAlternatives = zwnjWords.filter(
      (word) => toQueryKey(word.replaceAll(ZWNJ, " ")) !== keyOf(word),
    );
    const suffixOrPrefix =
      /^(?:می|نمی)\u200C|\u200C(?:ها|های|هایی|هایم|هایت|هایش|هاست|هایمان|هایتان|هایشان|تر|تری|ترین|اند|ایم|اید|ام|ای|اش|ات)$/u;
    expect(
      needAlternatives.filter((word) => suffixOrPrefix.test(word) && word.split(ZWNJ).length === 2),
    ).toEqual([]);
  });
});
