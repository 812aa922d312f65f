import { describe, expect, it } from "vitest";
import { PLURAL_SUFFIXES, VERB_PREFIXES } from "../../src/persian/fused-words.ts";
import {
  findJoinedSpelling,
  isJoinedAsFirst,
  isJoinedAsSecond,
  joinedSpelling,
  mayJoin,
} from "../../src/persian/joined-words.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";
import { fixtureTexts, wordsOf } from "../support/typography-samples.ts";

const Z = "\u200C";
const lexicon = getLexicon();

const SUFFIX_WORDS = [
  ...PLURAL_SUFFIXES,
  "ترین",
  "تر",
  "تری",
  "اند",
  "ایم",
  "اید",
  "ام",
  "ای",
  "اش",
];
const words = wordsOf(fixtureTexts());
const firsts = [...VERB_PREFIXES, "بزرگ", "تازه", "کرده", "خانه", "تنها", "لباس", ...words];
const seconds = [...SUFFIX_WORDS, "رود", "آید", "رسد", "گوید", `ها${Z}ی`, ...words];

describe("joinedSpelling", () => {
  it.each([
    ["می", "رود", `می${Z}رود`, "zwnj-verb-prefix"],
    ["نمی", "آید", `نمی${Z}آید`, "zwnj-verb-prefix"],
    ["تروریست", "ها", `تروریست${Z}ها`, "zwnj-plural"],
    ["کشور", "های", "کشورهای", "zwnj-plural"],
    ["بزرگ", "ترین", `بزرگ${Z}ترین`, "zwnj-comparative"],
    ["کرده", "اند", `کرده${Z}اند`, "zwnj-after-heh"],
  ])("joins %s + %s as %s (%s)", (first, second, text, rule) => {
    expect(joinedSpelling(first, second, lexicon)).toMatchObject({ text, rule });
  });

  it.each([
    ["تن", "ها"],
    ["گروه", "مینسک"],
    ["می", "ها"],
  ])("leaves %s + %s apart", (first, second) => {
    expect(joinedSpelling(first, second, lexicon)).toBeUndefined();
  });

  it("answers as its rules (findJoinedSpelling) for every pair of fixture words and suffixes", () => {
    const differences: string[] = [];
    for (const first of firsts) {
      for (const second of seconds) {
        const fast = joinedSpelling(first, second, lexicon);
        const slow = findJoinedSpelling(first, second, lexicon);
        if (JSON.stringify(fast) !== JSON.stringify(slow)) differences.push(`${first} ${second}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe("mayJoin: the filter before the rules", () => {
  it("lets through every pair the rules join", () => {
    const missed: string[] = [];
    for (const first of firsts) {
      for (const second of seconds) {
        if (!mayJoin(first, second) && findJoinedSpelling(first, second, lexicon) !== undefined)
          missed.push(`${first} ${second}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("knows verb prefixes first and suffixes second", () => {
    expect(VERB_PREFIXES.every(isJoinedAsFirst)).toBe(true);
    expect(SUFFIX_WORDS.filter(isJoinedAsSecond)).toEqual([
      ...PLURAL_SUFFIXES,
      "ترین",
      "تر",
      "اند",
      "ایم",
      "اید",
      "ام",
      "ای",
    ]);
    expect(isJoinedAsFirst("بزرگ")).toBe(false);
    expect(isJoinedAsSecond("رود")).toBe(false);
    expect(mayJoin("گروه", "مینسک")).toBe(false);
  });
});
