import { describe, expect, it } from "vitest";
import { repairFusedWord } from "../../src/persian/fused-words.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";
import { wordFacts } from "../../src/persian/word-facts.ts";

const Z = "\u200C";
const lexicon = getLexicon();

describe("wordFacts", () => {
  it("describes a word without ZWNJ that needs a repair", () => {
    expect(wordFacts("تروریستها", lexicon)).toEqual({
      fused: "تروریستها",
      lastPart: "تروریستها",
      partRepairs: [{ offset: 0, length: 9, repair: repairFusedWord("تروریستها") }],
      mayBeginCompound: false,
      joinsWordAfter: false,
      joinsWordBefore: false,
    });
  });

  it("repairs each part of a word with ZWNJs at its offset", () => {
    const facts = wordFacts(`گروه${Z}میرسد`, lexicon);
    expect(facts.fused).toBe("گروهمیرسد");
    expect(facts.lastPart).toBe("میرسد");
    expect(facts.partRepairs).toEqual([{ offset: 5, length: 5, repair: repairFusedWord("میرسد") }]);
  });

  it("finds nothing to repair in a word written right", () => {
    expect(wordFacts(`تروریست${Z}ها`, lexicon).partRepairs).toEqual([]);
    expect(wordFacts("گروه", lexicon).partRepairs).toEqual([]);
  });

  it.each([
    ["می", "joinsWordAfter"],
    [`دولت${Z}می`, "joinsWordAfter"],
    ["ها", "joinsWordBefore"],
    ["ترین", "joinsWordBefore"],
    ["اند", "joinsWordBefore"],
    ["بین", "mayBeginCompound"],
    ["گفت", "mayBeginCompound"],
  ] as const)("says %s: %s", (word, fact) => {
    expect(wordFacts(word, lexicon)[fact]).toBe(true);
  });

  it("remembers the facts of a word", () => {
    expect(wordFacts("مینسک", lexicon)).toBe(wordFacts("مینسک", lexicon));
  });
});
