/**
 * What is wrong with an article's front matter, in the words of the error report: schema problems
 * (missing, empty, wrong type, not allowed, unknown key) and the checks beyond the schema (text
 * that is empty to a reader, a date in the wrong calendar).
 */
import type { z } from "zod";
import { fieldExpectations, frontMatterSchema, type FrontMatter } from "../article.ts";
import { describeInvisibleCharacters, displayValue, isVisiblyEmpty } from "../text-hygiene.ts";
import { toTopic } from "../topics.ts";
import type { ContentProblem } from "./problems.ts";

/** The 1-based line of a top-level front-matter key (of the front matter's start without one). */
export type LineOf = (key?: string) => number;

// What zod calls a type, in the words of the error report.
const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "fields written as `key: value` lines",
};

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return Number.isInteger(value) ? "a whole number" : "a number";
  if (typeof value === "boolean") return "true/false";
  if (value === null) return "empty";
  return "a set of `key: value` fields";
}

// Text fields that may be left out: an empty one is reported with that way out.
const OPTIONAL_TEXT_FIELDS = ["surtitle", "source", "quoting", "author"];

function expectationFor(key: string): string {
  if (key === "(front matter)") return "fields written as `key: value` lines between two --- lines";
  const known = fieldExpectations[key];
  if (known) return known;
  if (OPTIONAL_TEXT_FIELDS.includes(key)) return `non-empty text, or no ${key} line at all`;
  return "a valid value";
}

export function zodProblems(
  file: string,
  error: z.ZodError,
  data: Record<string, unknown>,
  lineOf: LineOf,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const unknownKey of issue.keys) {
        problems.push({
          file,
          line: lineOf(unknownKey),
          field: unknownKey,
          message: "is not a known front-matter field (a typo?)",
          expected: `one of ${Object.keys(frontMatterSchema().shape).join(", ")}`,
        });
      }
      continue;
    }
    const key = issue.path.length ? String(issue.path[0]) : "(front matter)";
    // Zod may report one value twice (a huge code is both too big a number and an unsafe integer).
    const pathKey = issue.path.map(String).join(".");
    if (seen.has(pathKey)) continue;
    seen.add(pathKey);
    const value = issue.path.reduce<unknown>(
      (node, step) => (node as Record<PropertyKey, unknown> | undefined)?.[step],
      data,
    );
    const item =
      issue.path.length > 1 && typeof issue.path[1] === "number"
        ? `item ${issue.path[1] + 1}: `
        : "";
    const params = (issue as { params?: { expected?: string } }).params;
    let expected = params?.expected ?? expectationFor(key);
    let message: string;
    if (value === undefined) {
      message = "is missing";
    } else if (value === null) {
      message = `${item}is empty`;
    } else if (issue.code === "invalid_value") {
      message = `${item}${displayValue(value)} is not one of the allowed values`;
    } else if (issue.code === "custom") {
      message = `${item}${displayValue(value)} ${issue.message}`;
    } else if (issue.code === "invalid_type" && issue.expected === "int") {
      message = `${item}${displayValue(value)} is not a whole number`;
    } else if (issue.code === "invalid_type") {
      message = `${item}${displayValue(value)} is ${kindOf(value)}, not ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      if (item && key === "tags") expected = "every tag as non-empty text";
      // YAML reads `title: 1984` as a number: the fix is quotes, so say so.
      if (issue.expected === "string" && (typeof value === "number" || typeof value === "boolean"))
        expected += ` (in quotes: "${String(value)}")`;
    } else if (issue.code === "too_small") {
      message = `${item}${displayValue(value)} is too small`;
    } else if (issue.code === "too_big") {
      message = `${item}${displayValue(value)} is too large`;
    } else {
      message = `${item}${displayValue(value)} is not valid`;
    }
    problems.push({
      file,
      line: lineOf(key === "(front matter)" ? undefined : key),
      field: key,
      message,
      expected,
    });
  }
  return problems;
}

// Texts that are shown to readers: one made only of invisible characters is as empty as "".
const VISIBLE_TEXT_FIELDS = ["title", "surtitle", "lead", "source", "quoting", "author"] as const;

export function invisibleTextProblems(
  file: string,
  data: Record<string, unknown>,
  lineOf: LineOf,
): ContentProblem[] {
  return VISIBLE_TEXT_FIELDS.flatMap((key) => {
    const value = data[key];
    if (typeof value !== "string" || value.trim() === "" || !isVisiblyEmpty(value)) return [];
    return [
      {
        file,
        line: lineOf(key),
        field: key,
        message: `${displayValue(value, { escapeInvisible: true })} is empty once normalised: it has only invisible characters (${describeInvisibleCharacters(value)})`,
        expected: OPTIONAL_TEXT_FIELDS.includes(key)
          ? expectationFor(key)
          : "text with at least one visible character",
      },
    ];
  });
}

// A date before this year is a typo, or a Jalali date typed into a Gregorian field (1399-09-13).
const EARLIEST_YEAR = 1900;

export function implausibleYearProblems(
  file: string,
  fields: FrontMatter,
  data: Record<string, unknown>,
  lineOf: LineOf,
): ContentProblem[] {
  return (["date", "modified"] as const).flatMap((key) => {
    const year = fields[key]?.date.getUTCFullYear();
    if (year === undefined || year >= EARLIEST_YEAR) return [];
    return [
      {
        file,
        line: lineOf(key),
        field: key,
        message: `${displayValue(data[key])} is in the year ${year}: a Jalali (Solar Hijri) date?`,
        expected: `a Gregorian date from ${EARLIEST_YEAR} on (pages show it in the Jalali calendar by themselves)`,
      },
    ];
  });
}

/** Tags with no letter or digit make no topic (and no URL): «؟!» is empty once normalised. */
export function emptyTagProblems(
  file: string,
  fields: FrontMatter,
  lineOf: LineOf,
): ContentProblem[] {
  return fields.tags
    .map(toTopic)
    .filter((topic) => topic.slug === "")
    .map((topic) => ({
      file,
      line: lineOf("tags"),
      field: "tags",
      message: `${displayValue(topic.name)} is empty once normalised`,
      expected: "a tag with at least one letter or digit",
    }));
}
