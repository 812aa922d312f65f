import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getLexicon, readWordList } from "../../src/persian/lexicon.ts";
import { normalizeLetters } from "../../src/persian/letters.ts";
import { fixPersianText } from "../../src/persian/typography.ts";
import { restoreZwnj } from "../../src/persian/zwnj.ts";

const WORDS = new URL("../../src/persian/words/", import.meta.url);
const listFiles = readdirSync(WORDS).filter((name) => name.endsWith(".txt"));
const collator = new Intl.Collator("fa");

describe("the project word lists", () => {
  it("are the four documented lists", () => {
    expect(listFiles.sort()).toEqual([
      "additions.txt",
      "compounds.txt",
      "exceptions.txt",
      "preferred-readings.txt",
    ]);
  });

  it.each(listFiles)("%s opens with a header naming its source and licence", (file) => {
    const header = readFileSync(new URL(file, WORDS), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("#"))
      .join("\n");
    expect(header).toMatch(/Source:/u);
    expect(header).toMatch(/Licence:/u);
  });

  it.each(listFiles)("%s is sorted in Persian order without duplicates", (file) => {
    const words = readWordList(file);
    expect(words).toEqual([...new Set(words)].sort(collator.compare));
  });

  it.each(listFiles)("%s holds single words in Persian letters, normalised", (file) => {
    for (const word of readWordList(file)) {
      expect(word, word).toMatch(/^[\u0621-\u06FF\u200C]+$/u);
      expect(normalizeLetters(word), word).toBe(word);
      expect(word, word).not.toMatch(/^\u200C|\u200C$|\u200C\u200C/u);
    }
  });

  it.each(["compounds.txt", "preferred-readings.txt", "additions.txt"])(
    "every entry of %s is already what the fixer writes",
    (file) => {
      for (const word of readWordList(file)) expect(fixPersianText(word), word).toBe(word);
    },
  );

  it("no exception is ever split", () => {
    for (const word of readWordList("exceptions.txt")) expect(restoreZwnj(word), word).toBe(word);
  });

  it("every compound and preferred reading is restored from its fused form", () => {
    for (const word of [
      ...readWordList("compounds.txt"),
      ...readWordList("preferred-readings.txt"),
    ]) {
      expect(restoreZwnj(word.replaceAll("\u200C", "")), word).toBe(word);
    }
  });
});

describe("getLexicon", () => {
  it("loads once and is cached", () => {
    expect(getLexicon()).toBe(getLexicon());
  });

  it("reports its load time, which must stay small enough for every build", () => {
    const { loadTimeMs } = getLexicon();
    console.log(
      `Persian lexicon (cspell fa-IR trie + word lists) loaded in ${loadTimeMs.toFixed(0)} ms`,
    );
    expect(loadTimeMs).toBeGreaterThan(0);
    expect(loadTimeMs).toBeLessThan(5000);
  });

  it("knows dictionary words and list entries, written fused", () => {
    const lexicon = getLexicon();
    expect(lexicon.isKnown("تروریست")).toBe(true);
    expect(lexicon.isKnown("قرهباغ")).toBe(true);
    expect(lexicon.isKnown("تروریستخانهستان")).toBe(false);
    expect(lexicon.isException("تنها")).toBe(true);
    expect(lexicon.compound("گفتوگو")).toBe("گفت\u200Cوگو");
  });

  it("lists every compound in the fused form compound() is asked with", () => {
    const lexicon = getLexicon();
    const fused = readWordList("compounds.txt").map((word) => word.replaceAll("\u200C", ""));
    expect(lexicon.fusedCompounds).toEqual(fused);
    for (const word of lexicon.fusedCompounds) expect(lexicon.compound(word), word).toBeDefined();
  });
});
