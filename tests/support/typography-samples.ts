/**
 * Persian text for tests that compare a fast path with the slow result it stands for: the
 * typography fixtures, and copies of them damaged the way pasted text is (ZWNJs dropped or turned
 * into spaces, Arabic letters, spaces before punctuation).
 */
import { readFileSync } from "node:fs";

const Z = "\u200C";

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/typography/${name}`, import.meta.url), "utf8");
}

interface Case {
  input: string;
  expected: string;
}

/** Every sentence and word of the typography fixtures, as written and as fixed. */
export function fixtureTexts(): string[] {
  const cases = [
    ...(JSON.parse(fixture("news-cases.json")) as Case[]),
    ...(JSON.parse(fixture("held-out-cases.json")) as Case[]),
    ...(JSON.parse(fixture("seed-words.json")) as { zwnjFixes: Case[] }).zwnjFixes,
  ];
  const unchanged = (JSON.parse(fixture("seed-words.json")) as { unchanged: string[] }).unchanged;
  const article = fixture("seed-article-fa.txt")
    .split(/\n+/u)
    .filter((line) => line.trim() !== "");
  return [...cases.flatMap((item) => [item.input, item.expected]), ...unchanged, ...article];
}

/** `text` as other systems paste it: each kind of damage on its own, then all together. */
export function damagedCopies(text: string): string[] {
  const arabic = text.replaceAll("ی", "ي").replaceAll("ک", "ك");
  const spacedPunctuation = text.replace(/([،؛؟.!:»)])/gu, " $1").replace(/([«(])/gu, "$1 ");
  return [
    text.replaceAll(Z, ""),
    text.replaceAll(Z, " "),
    text.replaceAll(Z, `${Z}${Z}`),
    arabic,
    spacedPunctuation,
    spacedPunctuation.replaceAll(Z, "").replaceAll("ی", "ي"),
  ];
}

/** The distinct words of `texts`, without their ZWNJs too. */
export function wordsOf(texts: readonly string[]): string[] {
  const words = texts.flatMap((text) => text.split(/[^\u0600-\u06FF\u200C]+/u));
  return [...new Set([...words, ...words.map((word) => word.replaceAll(Z, ""))])].filter(
    (word) => word !== "",
  );
}
