/**
 * Listed compounds (src/persian/words/compounds.txt), possibly inflected, found from their fused
 * form: بینالمللی → بین‌المللی، راهپیماییها → راه‌پیمایی‌ها، and across spaces when the ZWNJ became
 * one (گفت و گو). A fused form has a compound spelling only if it is a listed compound plus one of
 * COMPOUND_INFLECTIONS, so those few hundred forms are worked out once per lexicon and every other
 * question — one for each word, and each pair and triple of neighbouring words — is a lookup.
 */
import { endsWithJoiningLetter, ZWNJ } from "./chars.ts";
import type { Lexicon } from "./lexicon.ts";

// Inflections a listed compound may carry: ستیزه‌جو → ستیزه‌جویان، افراط‌گرا → افراط‌گرای.
const COMPOUND_INFLECTIONS = ["", "ی", "یی", "ان", "انی", "ای", "ها", "های", "هایی", "یان", "یانی"];

interface CompoundForms {
  /** Every listed compound with every inflection, fused, and how it is spelt. */
  spellings: ReadonlyMap<string, string>;
  /** Every non-empty beginning of those fused forms, the whole forms included. */
  beginnings: ReadonlySet<string>;
}

const compoundForms = new WeakMap<Lexicon, CompoundForms>();

function compoundFormsOf(lexicon: Lexicon): CompoundForms {
  let forms = compoundForms.get(lexicon);
  if (forms) return forms;
  const spellings = new Map<string, string>();
  const beginnings = new Set<string>();
  for (const compound of lexicon.fusedCompounds) {
    for (const inflection of COMPOUND_INFLECTIONS) {
      const form = compound + inflection;
      const spelling = findCompoundSpelling(form, lexicon);
      if (spelling === undefined || spellings.has(form)) continue;
      spellings.set(form, spelling);
      for (let length = 1; length <= form.length; length++) beginnings.add(form.slice(0, length));
    }
  }
  forms = { spellings, beginnings };
  compoundForms.set(lexicon, forms);
  return forms;
}

/** The spelling of a listed compound, possibly inflected, from its fused form (راهپیماییها). */
export function compoundSpelling(fusedWord: string, lexicon: Lexicon): string | undefined {
  return compoundFormsOf(lexicon).spellings.get(fusedWord);
}

/**
 * Whether some listed compound, possibly inflected, begins with `fusedStart` (or is it). When it
 * does not, no run of words starting with it is a compound, and none needs to be looked up.
 */
export function mayBeginCompound(fusedStart: string, lexicon: Lexicon): boolean {
  return compoundFormsOf(lexicon).beginnings.has(fusedStart);
}

/**
 * The rule behind `compoundSpelling`, applied to any fused form: the first inflection that
 * leaves a listed compound. `compoundSpelling` answers from a table of this rule's results;
 * tests compare the two.
 */
export function findCompoundSpelling(fusedWord: string, lexicon: Lexicon): string | undefined {
  for (const inflection of COMPOUND_INFLECTIONS) {
    if (!fusedWord.endsWith(inflection)) continue;
    const compound = lexicon.compound(fusedWord.slice(0, fusedWord.length - inflection.length));
    if (compound !== undefined) return attachSuffix(compound, inflection);
  }
  return undefined;
}

/** `word` + `suffix`, with a ZWNJ where a suffix in ه would otherwise join the word. */
function attachSuffix(word: string, suffix: string): string {
  return suffix.startsWith("ه") && endsWithJoiningLetter(word)
    ? word + ZWNJ + suffix
    : word + suffix;
}
