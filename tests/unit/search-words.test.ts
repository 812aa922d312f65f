import { describe, expect, it } from "vitest";
import { ZWNJ } from "../../src/persian/chars.ts";
import { queryTerms, textWords, wordKeys } from "../../src/search/words.ts";

describe("textWords", () => {
  it("numbers the words of indexed text, which has one space between words", () => {
    expect(textWords("گروه مینسک خواستار خروج")).toEqual(["گروه", "مینسک", "خواستار", "خروج"]);
    expect(textWords("")).toEqual([]);
  });
});

describe("wordKeys", () => {
  it.each([
    [`تروریست${ZWNJ}ها`, ["تروریستها"]],
    [`قره${ZWNJ}باغ،`, ["قرهباغ"]],
    ["«بین‌المللی»", ["بینالمللی"]],
    ["G20", ["g20"]],
    ["NATO.", ["nato"]],
    ["COVID-19", ["covid19", "covid", "19"]],
    ["5.9", ["59", "5", "9"]],
    ["2/2", ["22", "2"]],
    ["،", []],
    ["…", []],
  ])("%j → %j", (word, keys) => {
    expect(wordKeys(word)).toEqual(keys);
  });
});

describe("queryTerms", () => {
  it("takes each query word whole, without its punctuation, in the order typed", () => {
    expect(queryTerms("covid-19 در ایران، امروز")).toEqual(["covid19", "در", "ایران", "امروز"]);
    expect(queryTerms("« »")).toEqual([]);
    expect(queryTerms("")).toEqual([]);
  });
});
