/**
 * What the ZWNJ rules need to know about one word of a text, worked out once per distinct word
 * and lexicon. An archive repeats a few thousand words millions of times: each word's repairs,
 * fused form and place in joins are found on its first appearance and then only looked up.
 */
import { ZWNJ } from "./chars.ts";
import { mayBeginCompound } from "./compounds.ts";
import { analyseFusedWord, type WordRepair } from "./fused-words.ts";
import { isJoinedAsFirst, isJoinedAsSecond } from "./joined-words.ts";
import type { Lexicon } from "./lexicon.ts";
import { hashWord } from "./word-spans.ts";

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

// A memo per lexicon, keyed by `hashWord` (word-spans.ts), so that a word of a text is looked up
// without being cut out of it; words whose hashes collide are chained. At most this many words
// are held: past it the memo starts again (an archive of unusual text, or a dictionary fed in
// whole, would otherwise grow it by millions; news copy repeats a few thousand words).
interface Remembered {
  word: string;
  facts: WordFacts;
  next: Remembered | undefined;
}
const MAX_REMEMBERED = 200_000;

interface FactsMemo {
  byHash: Map<number, Remembered>;
  size: number;
}
const memos = new WeakMap<Lexicon, FactsMemo>();

/**
 * `wordFacts` of the word at [start, end) of `text`, whose `hashWord` is `hash`, for one lexicon:
 * the word is cut out of the text only the first time it is seen. For looking up every word a
 * scan found (findPersianWordOffsets gives the hashes).
 */
export function wordFactsAt(
  lexicon: Lexicon,
): (text: string, start: number, end: number, hash: number) => WordFacts {
  let memo = memos.get(lexicon);
  if (!memo) memos.set(lexicon, (memo = { byHash: new Map(), size: 0 }));
  const known = memo;
  return (text, start, end, hash) => {
    const first = known.byHash.get(hash);
    const length = end - start;
    for (let entry = first; entry; entry = entry.next) {
      if (entry.word.length === length && text.startsWith(entry.word, start)) return entry.facts;
    }
    const word = text.slice(start, end);
    const facts = findWordFacts(word, lexicon);
    if (known.size >= MAX_REMEMBERED) {
      known.byHash.clear();
      known.size = 0;
    }
    // After a clear, `first` belongs to the memo just forgotten.
    known.byHash.set(hash, { word, facts, next: known.size === 0 ? undefined : first });
    known.size++;
    return facts;
  };
}

/** The facts about `word`, remembered per lexicon (up to a bound). */
export function wordFacts(word: string, lexicon: Lexicon): WordFacts {
  return wordFactsAt(lexicon)(word, 0, word.length, hashWord(word, 0, word.length));
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
