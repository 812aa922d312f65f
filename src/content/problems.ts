/**
 * A problem in one article's source, reported as `file:line field — what is wrong — what is expected`
 * (`file:line:column` when the problem is one character of the body).
 */
export interface ContentProblem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in characters (code points), when the problem is at one place in a line. */
  column?: number;
  field: string;
  message: string;
  expected: string;
}

export function formatProblem(problem: ContentProblem): string {
  const place =
    problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
  return `${problem.file}:${place} ${problem.field} — ${problem.message} — expected ${problem.expected}`;
}

/** Every problem of a build in one error, so editors fix them all in one pass. */
export class ContentValidationError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(
      `Content has ${count}; nothing was published:\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "ContentValidationError";
    this.problems = problems;
  }
}
