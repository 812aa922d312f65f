/**
 * The excerpt under a search result: a window of the indexed text (the result document's
 * `content`) around the best matches, with the matched words marked, as parts the page turns into
 * text nodes and `<mark>` elements, so no indexed text is ever parsed as HTML. It leaves out the
 * title, which the result shows above it.
 *
 * The indexed text is the article with its letters folded and its ZWNJs restored
 * (src/search/index-text.ts): it reads as the article does, except that its digits are ASCII.
 * `forReaders` gives them back as Persian digits, as every page shows them.
 */
import { toPersianDigits } from "../persian/digits.ts";
import { textWords } from "./words.ts";

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface WordLocation {
  /** Index of the word in the indexed text (src/search/words.ts `textWords`). */
  location: number;
  /** How much the match counts: a rarer word, or a whole-word match, counts more. */
  score: number;
}

/** Words in an excerpt. */
export const EXCERPT_WORDS = 30;

/**
 * The best window of `length` words after the first `skip` words (the title), with matched words
 * marked and «…» where text was cut. Without any match after the title, the window opens the text
 * after it (the surtitle or lead).
 */
export function buildExcerpt(
  content: string,
  locations: readonly WordLocation[],
  skip: number,
  length = EXCERPT_WORDS,
): ExcerptPart[] {
  const words = textWords(content);
  const first = Math.min(Math.max(skip, 0), words.length);
  const matches = locations.filter(
    (match) => match.location >= first && match.location < words.length,
  );
  const latestStart = Math.max(first, words.length - length);
  let start = first;
  let best = -1;
  // Candidate windows start a few words before each match, so the match has some context.
  for (const candidate of matches) {
    const windowStart = Math.min(
      latestStart,
      Math.max(first, candidate.location - Math.floor(length / 4)),
    );
    const score = matches
      .filter((match) => match.location >= windowStart && match.location < windowStart + length)
      .reduce((sum, match) => sum + match.score, 0);
    if (score > best) [best, start] = [score, windowStart];
  }
  const end = Math.min(words.length, start + length);
  const marked = new Set(matches.map((match) => match.location));
  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked: boolean) => {
    const last = parts.at(-1);
    if (last && last.marked === isMarked && !isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > first) push("… ", false);
  for (let index = start; index < end; index++) {
    if (index > start) push(" ", false);
    push(words[index]!, marked.has(index));
  }
  if (end < words.length) push(" …", false);
  return parts;
}

/** Persian digits in a word of Persian text; a word with Latin letters (G20, COVID-19) keeps its own. */
export function forReaders(text: string): string {
  return text.replace(/[^\s]+/gu, (word) =>
    /[A-Za-z]/u.test(word) ? word : toPersianDigits(word),
  );
}
