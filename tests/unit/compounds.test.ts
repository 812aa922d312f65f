import { describe, expect, it } from "vitest";
import {
  compoundSpelling,
  findCompoundSpelling,
  mayBeginCompound,
} from "../../src/persian/compounds.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";
import { fixtureTexts, wordsOf } from "../support/typography-samples.ts";

const Z = "\u200C";
const lexicon = getLexicon();

// Endings to try on every listed compound: the inflections compounds.ts knows, and others.
const ENDINGS = ["", "ی", "یی", "ان", "انی", "ای", "ها", "های", "هایی", "یان", "یانی", "ش", "هاش"];
const compoundForms = lexicon.fusedCompounds.flatMap((compound) =>
  ENDINGS.flatMap((ending) => [compound + ending, compound.slice(0, -1) + ending]),
);
const otherWords = wordsOf(fixtureTexts());

describe("compoundSpelling answers as the rule it tabulates (findCompoundSpelling)", () => {
  it.each([
    ["بینالمللی", `بین${Z}المللی`],
    ["راهپیماییها", `راه${Z}پیمایی${Z}ها`],
    ["ستیزهجویان", `ستیزه${Z}جویان`],
    ["گفتوگوهای", `گفت${Z}وگوهای`],
    ["سازمان", undefined],
    [`بین${Z}المللی`, undefined],
    ["", undefined],
  ])("%s → %s", (fused, spelling) => {
    expect(compoundSpelling(fused, lexicon)).toBe(spelling);
    expect(findCompoundSpelling(fused, lexicon)).toBe(spelling);
  });

  it("on every listed compound with every ending, and on every word of the fixtures", () => {
    const differences = [...compoundForms, ...otherWords].filter(
      (word) => compoundSpelling(word, lexicon) !== findCompoundSpelling(word, lexicon),
    );
    expect(differences).toEqual([]);
  });
});

describe("mayBeginCompound", () => {
  it("is true for every beginning of every fused form that has a compound spelling", () => {
    const missed: string[] = [];
    for (const form of [...compoundForms, ...otherWords]) {
      if (findCompoundSpelling(form, lexicon) === undefined) continue;
      for (let length = 1; length <= form.length; length++) {
        if (!mayBeginCompound(form.slice(0, length), lexicon)) missed.push(form.slice(0, length));
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(["بین", "بینالملل", "گفت", "گفتو", "قره"])("says %s may begin a compound", (start) => {
    expect(mayBeginCompound(start, lexicon)).toBe(true);
  });

  it.each(["سازمان", "تروریست", "و", "", `بین${Z}`])("says %j begins none", (start) => {
    expect(mayBeginCompound(start, lexicon)).toBe(false);
  });
});
