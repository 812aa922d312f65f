/** The shape every typography rule reports in: a replacement of a span of the text it was given. */

export type Confidence = "high" | "low";

export interface Edit {
  /** Start offset in UTF-16 code units, inclusive. */
  start: number;
  /** End offset in UTF-16 code units, exclusive. */
  end: number;
  replacement: string;
  rule: string;
  confidence: Confidence;
}

export function assertText(value: unknown, caller: string): asserts value is string {
  if (typeof value !== "string") {
    const shown = typeof value === "object" ? JSON.stringify(value) : String(value);
    throw new TypeError(`${caller} expects a string, got ${typeof value}: ${shown}`);
  }
}

/**
 * Apply non-overlapping edits. An edit overlapping an earlier one is dropped: the caller runs its
 * rules again until nothing changes, so the dropped edit is found anew on the updated text.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

// Rules see each other's results only on the next round; a handful of rounds always suffices
// because every edit removes a defect and none creates one another rule's pattern would undo.
const MAX_ROUNDS = 8;

/** Apply the edits `findEdits` reports, again and again, until the text stops changing. */
export function applyUntilStable(
  text: string,
  findEdits: (text: string) => readonly Edit[],
): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = findEdits(current);
    // Most text needs nothing: no copy of it to compare with itself.
    if (edits.length === 0) return current;
    const next = applyEdits(current, edits);
    if (next === current) return current;
    current = next;
  }
  throw new Error(
    `Typography fixes did not settle after ${MAX_ROUNDS} rounds for text starting ${JSON.stringify(text.slice(0, 60))}`,
  );
}
