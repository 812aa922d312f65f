import { describe, expect, it } from "vitest";
import { repairFusedWord } from "../../src/persian/fused-words.ts";
import { getLexicon } from "../../src/persian/lexicon.ts";
import { wordFacts, wordFactsAt } from "../../src/persian/word-facts.ts";
import { hashWord } from "../../src/persian/word-spans.ts";

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

describe("wordFactsAt", () => {
  const factsAt = wordFactsAt(lexicon);

  it("gives the facts of a word inside a text, as wordFacts gives them for the word alone", () => {
    const text = `گروه${Z}میرسد و تروریستها رفتند`;
    for (const word of [`گروه${Z}میرسد`, "تروریستها", "رفتند"]) {
      const start = text.indexOf(word);
      const end = start + word.length;
      expect(factsAt(text, start, end, hashWord(text, start, end)), word).toEqual(
        wordFacts(word, lexicon),
      );
    }
  });

  it("tells apart words whose hashes are the same", () => {
    // The hash only finds the candidates; the words themselves are compared.
    const shared = 12_345;
    const text = "تروریستها و گروه";
    const first = factsAt(text, 0, 9, shared);
    const second = factsAt(text, 12, 16, shared);
    expect(first.fused).toBe("تروریستها");
    expect(second.fused).toBe("گروه");
    expect(factsAt(text, 0, 9, shared), "the first is still found").toBe(first);
    expect(factsAt("رفتند گروه", 6, 10, shared), "the second, in another text").toBe(second);
  });
});
