/**
 * Precision and recall of a fixer on before/after fixtures, counted per character boundary:
 * every change the typography rules make is a changed letter or a changed separator (nothing,
 * a ZWNJ, a space) after a letter, so lining the three texts up letter by letter is exact.
 */
export interface FixtureCase {
  input: string;
  expected: string;
  category: string;
}

export interface Score {
  /** Boundaries where the expected text differs from the input. */
  needed: number;
  /** Boundaries the fixer changed. */
  made: number;
  /** Boundaries the fixer changed to exactly what was expected. */
  right: number;
  /** Cases whose output is not the expected text. */
  wrongCases: Array<FixtureCase & { output: string }>;
}

const SEPARATOR = /[\s\u200C]/u;

function units(text: string): Array<{ char: string; after: string }> {
  const result: Array<{ char: string; after: string }> = [];
  let leading = "";
  for (const char of text) {
    if (SEPARATOR.test(char)) {
      if (result.length === 0) leading += char;
      else result.at(-1)!.after += char;
    } else {
      result.push({ char, after: "" });
    }
  }
  if (leading) result.unshift({ char: "", after: leading });
  return result;
}

function same(a: { char: string; after: string }, b: { char: string; after: string }): boolean {
  return a.char === b.char && a.after === b.after;
}

export function scoreFixer(cases: readonly FixtureCase[], fix: (text: string) => string): Score {
  const score: Score = { needed: 0, made: 0, right: 0, wrongCases: [] };
  for (const fixture of cases) {
    const output = fix(fixture.input);
    if (output !== fixture.expected) score.wrongCases.push({ ...fixture, output });
    const [input, expected, fixed] = [units(fixture.input), units(fixture.expected), units(output)];
    if (input.length !== expected.length || input.length !== fixed.length) {
      throw new Error(
        `Fixture letters do not line up: ${JSON.stringify(fixture.input)} → ${JSON.stringify(output)}`,
      );
    }
    input.forEach((unit, index) => {
      const wanted = !same(unit, expected[index]!);
      const changed = !same(unit, fixed[index]!);
      if (wanted) score.needed++;
      if (changed) score.made++;
      if (changed && same(fixed[index]!, expected[index]!)) score.right++;
    });
  }
  return score;
}

export function precision(score: Score): number {
  return score.made === 0 ? 1 : score.right / score.made;
}

export function recall(score: Score): number {
  return score.needed === 0 ? 1 : score.right / score.needed;
}
