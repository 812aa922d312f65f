/**
 * What the ZWNJ rules need to know about one word of a text, worked out once per distinct word
 * and lexicon. An archive repeats a few thousand words millions of times: each word's repairs,
 * fused form and place in joins are found on its first appearance and then only looked up.
 */
import { ZWNJ } from "./chars.ts";
import { BoundedCache } from "./bounded-cache.ts";
import { mayBeginCompound } from "./compounds.ts";
import { analyseFusedWord, type WordRepair } from "./fused-words.ts";
import { isJoinedAsFirst, isJoinedAsSecond } from "./joined-words.ts";
import type { Lexicon } from "./lexicon.ts";

/** A repair of one ZWNJ-separated part of a word, at the part's offset in the word. */
export interface PartRepair {
  offset: number;
  length: number;
  repair: WordRepair;
}

/** Facts about one word (a PERSIAN_WORD match: letters, possibly split by ZWNJs into parts). */
export interface WordFacts {
  /** The word without its ZWNJs. */
  fused: string;
  /** The part after the word's last ZWNJ (the whole word when it has none). */
  lastPart: string;
  /** `repairFusedWord` of each part that needs a repair. */
  partRepairs: readonly PartRepair[];
  /** Whether a listed compound may begin with this word (بین of بین‌المللی). */
  mayBeginCompound: boolean;
  /** Whether the last part may be joined to the word after it (a verb prefix: می رود). */
  joinsWordAfter: boolean;
  /** Whether the word may be joined to the word before it (a suffix: ها، ترین، اند). */
  joinsWordBefore: boolean;
}

const factsByLexicon = new WeakMap<Lexicon, BoundedCache<string, WordFacts>>();
const FACTS_PER_GENERATION = 100_000;

/** The facts about `word`, remembered per lexicon (up to a bound). */
export function wordFacts(word: string, lexicon: Lexicon): WordFacts {
  let known = factsByLexicon.get(lexicon);
  if (!known) factsByLexicon.set(lexicon, (known = new BoundedCache(FACTS_PER_GENERATION)));
  return known.get(word, (fresh) => findWordFacts(fresh, lexicon));
}

const NO_REPAIRS: readonly PartRepair[] = [];

function findWordFacts(word: string, lexicon: Lexicon): WordFacts {
  // Most words have no ZWNJ: one part, the word itself.
  const parts = word.includes(ZWNJ) ? word.split(ZWNJ) : [word];
  let partRepairs = NO_REPAIRS;
  let offset = 0;
  for (const part of parts) {
    // Not repairFusedWord: this memo already remembers the answer, a second one would only cost.
    const repair = analyseFusedWord(part, lexicon);
    if (repair) partRepairs = [...partRepairs, { offset, length: part.length, repair }];
    offset += part.length + 1;
  }
  const fused = parts.length === 1 ? word : parts.join("");
  const lastPart = parts.at(-1)!;
  return {
    fused,
    lastPart,
    partRepairs,
    mayBeginCompound: mayBeginCompound(fused, lexicon),
    joinsWordAfter: isJoinedAsFirst(lastPart),
    joinsWordBefore: isJoinedAsSecond(word),
  };
}
