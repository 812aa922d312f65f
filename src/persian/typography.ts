/**
 * Lint and fix Persian running text: Arabic letters, missing ZWNJs, punctuation spacing.
 * Pure: no file system, no Eleventy. Positions are 1-based; columns count UTF-16 code units,
 * as editors and `file:line:col` links do (every Persian letter is one unit).
 */
import { letterEdits } from "./letters.ts";
import { punctuationEdits } from "./punctuation.ts";
import {
  applyEdits,
  applyUntilStable,
  assertText,
  type Confidence,
  type Edit,
} from "./text-edits.ts";
import { zwnjEdits } from "./zwnj.ts";

export interface Finding {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  /** The text as written, widened to whole words so an editor can find it. */
  word: string;
  /** What it should be; several readings are joined by " / " when the rule cannot choose. */
  suggestion: string;
  rule: string;
  confidence: Confidence;
}

export interface FixOptions {
  /** Apply only the fixes the rules are sure of; low-confidence ones stay for an editor. */
  onlyHighConfidence?: boolean;
}

export interface TypographyEdit extends Edit {
  /** False for suggestions a program must not apply, such as a choice between two readings. */
  fixable: boolean;
}

/** Every edit the rules propose for `text`, with offsets into `text` itself. */
export function typographyEdits(text: string): TypographyEdit[] {
  assertText(text, "typographyEdits");
  // Letter normalisation keeps every offset, so the other rules may look at the normalised text
  // and still report positions in the original.
  const letters = letterEdits(text);
  // What normalizeLetters(text) returns, without finding the same edits twice.
  const normalized = letters.length === 0 ? text : applyEdits(text, letters);
  return [
    ...letters.map((edit) => ({ ...edit, fixable: true })),
    ...zwnjEdits(normalized),
    ...punctuationEdits(normalized).map((edit) => ({ ...edit, fixable: true })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Findings for `text`, in reading order. Throws a TypeError naming the value if it is not a string. */
export function lintPersianText(text: string): Finding[] {
  assertText(text, "lintPersianText");
  return editsToFindings(text, typographyEdits(text));
}

/**
 * `text` with the typography fixes applied until nothing changes, so that
 * `fixPersianText(fixPersianText(x)) === fixPersianText(x)`. Ambiguous readings are never applied.
 */
export function fixPersianText(text: string, options: FixOptions = {}): string {
  assertText(text, "fixPersianText");
  return applyUntilStable(text, (current) => selectFixable(typographyEdits(current), options));
}

/** The edits a fixer may apply: never an ambiguous one, low-confidence ones only when allowed. */
export function selectFixable<T extends TypographyEdit>(
  edits: readonly T[],
  options: FixOptions = {},
): T[] {
  return edits.filter(
    (edit) => edit.fixable && (!options.onlyHighConfidence || edit.confidence === "high"),
  );
}

/**
 * Turn edits on `text` (offsets into `text`) into findings with line and column in `text`. An
 * edit may carry the `bounds` of the prose it came from, so that the quoted word stops there.
 */
export function editsToFindings(
  text: string,
  edits: ReadonlyArray<Edit & { bounds?: Bounds }>,
): Finding[] {
  const lineStarts = findLineStarts(text);
  return edits.map((edit) => {
    const { from, to } = widenToWords(
      text,
      edit.start,
      edit.end,
      edit.bounds ?? { start: 0, end: text.length },
    );
    const line = lineIndexOf(lineStarts, from);
    return {
      line: line + 1,
      column: from - lineStarts[line]! + 1,
      word: text.slice(from, to),
      suggestion: text.slice(from, edit.start) + edit.replacement + text.slice(edit.end, to),
      rule: edit.rule,
      confidence: edit.confidence,
    };
  });
}

// A one-letter or one-space edit means little on its own; the words around it locate it.
function widenToWords(
  text: string,
  start: number,
  end: number,
  bounds: Bounds,
): { from: number; to: number } {
  let from = start;
  let to = end;
  while (from > bounds.start && !/\s/u.test(text[from - 1]!)) from--;
  while (to < bounds.end && !/\s/u.test(text[to]!)) to++;
  return { from, to };
}

/** A span of prose in UTF-16 offsets, beyond which a finding's quoted word does not reach. */
export interface Bounds {
  start: number;
  end: number;
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1))
    starts.push(index + 1);
  return starts;
}

function lineIndexOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
