/**
 * Persian typography for a whole Markdown file with YAML front matter. Only prose is linted:
 * the front matter values of `title`, `surtitle`, `lead`, `source` and the items of `tags`, and
 * the body outside code fences, inline code, link and image destinations, HTML tags and
 * comments, and template tags. Positions are line:column in the file itself. Pure: no file system.
 */
import { applyUntilStable, assertText } from "./text-edits.ts";
import {
  editsToFindings,
  selectFixable,
  typographyEdits,
  type Finding,
  type FixOptions,
  type TypographyEdit,
} from "./typography.ts";

/** A span of the file holding prose, in UTF-16 offsets. */
export interface ProseRange {
  start: number;
  end: number;
  /** A plain (unquoted) YAML scalar, where «: » or « #» would change the YAML itself. */
  plainYaml?: boolean;
}

/** Front matter fields whose values are prose; every other field is a machine field. */
export const PROSE_FIELDS: ReadonlySet<string> = new Set([
  "title",
  "surtitle",
  "lead",
  "source",
  "tags",
]);

/** Findings for a Markdown file, with line and column in the file. */
export function lintMarkdown(markdown: string): Finding[] {
  assertText(markdown, "lintMarkdown");
  return editsToFindings(markdown, markdownEdits(markdown));
}

/** The file with the prose fixes applied; code, URLs, HTML and machine fields stay byte for byte. */
export function fixMarkdown(markdown: string, options: FixOptions = {}): string {
  assertText(markdown, "fixMarkdown");
  return applyUntilStable(markdown, (current) => selectFixable(markdownEdits(current), options));
}

/** Typography edits for every prose range of the file, with offsets into the file. */
export function markdownEdits(markdown: string): Array<TypographyEdit & { bounds: ProseRange }> {
  return findProseRanges(markdown).flatMap((range) =>
    typographyEdits(markdown.slice(range.start, range.end))
      .filter(
        (edit) =>
          !range.plainYaml || !breaksPlainYaml(markdown.slice(range.start, range.end), edit),
      )
      .map((edit) => ({
        ...edit,
        start: edit.start + range.start,
        end: edit.end + range.start,
        bounds: range,
      })),
  );
}

function breaksPlainYaml(value: string, edit: TypographyEdit): boolean {
  const after = value.slice(0, edit.start) + edit.replacement + value.slice(edit.end);
  return /: | #/u.test(after) && !/: | #/u.test(value);
}

/** Where the prose is: front matter prose values, then body text outside code and markup. */
export function findProseRanges(markdown: string): ProseRange[] {
  const lines = splitLines(markdown);
  const frontMatterEnd = findFrontMatterEnd(lines);
  return [
    ...frontMatterRanges(lines.slice(1, frontMatterEnd)),
    ...bodyRanges(lines.slice(frontMatterEnd + 1)),
  ];
}

interface Line {
  text: string;
  offset: number;
}

function splitLines(markdown: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const text of markdown.split("\n")) {
    lines.push({ text: text.endsWith("\r") ? text.slice(0, -1) : text, offset });
    offset += text.length + 1;
  }
  return lines;
}

/** Index of the closing `---` line, or -1 when the file has no front matter. */
function findFrontMatterEnd(lines: readonly Line[]): number {
  if (lines[0]?.text !== "---") return -1;
  return lines.findIndex(
    (line, index) => index > 0 && (line.text === "---" || line.text === "..."),
  );
}

// ----- front matter ---------------------------------------------------------------------------

const KEY_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/u;
const LIST_ITEM = /^([ \t]*-[ \t]+)(.*)$/u;

function frontMatterRanges(lines: readonly Line[]): ProseRange[] {
  const ranges: ProseRange[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = KEY_LINE.exec(lines[index]!.text);
    if (!match || !PROSE_FIELDS.has(match[1]!)) continue;
    const line = lines[index]!;
    const value = match[2] ?? "";
    const valueStart = line.offset + line.text.length - value.length;
    const nested = takeIndented(lines, index + 1);
    if (/^[|>][-+0-9]*\s*$/u.test(value)) {
      ranges.push(...nested.map((child) => trimmedRange(child, false)));
    } else if (value.startsWith("[")) {
      ranges.push(...flowSequenceRanges(value, valueStart));
    } else if (value.trim() === "") {
      ranges.push(...nested.flatMap((child) => listItemRange(child)));
    } else {
      ranges.push(
        scalarRange(value, valueStart),
        ...nested.map((child) => trimmedRange(child, true)),
      );
    }
  }
  return ranges.filter((range) => range.end > range.start);
}

function takeIndented(lines: readonly Line[], from: number): Line[] {
  const taken: Line[] = [];
  for (
    let index = from;
    index < lines.length && /^(?:[ \t]|$)/u.test(lines[index]!.text);
    index++
  ) {
    if (lines[index]!.text.trim() !== "") taken.push(lines[index]!);
  }
  return taken;
}

function listItemRange(line: Line): ProseRange[] {
  const match = LIST_ITEM.exec(line.text);
  if (!match) return [];
  return [scalarRange(match[2]!, line.offset + match[1]!.length)];
}

function flowSequenceRanges(value: string, valueStart: number): ProseRange[] {
  const ranges: ProseRange[] = [];
  for (const item of value.matchAll(/[^,[\]]+/gu)) {
    ranges.push(scalarRange(item[0], valueStart + item.index));
  }
  return ranges;
}

/** The range of a scalar's text: inside its quotes, or without a trailing comment. */
function scalarRange(value: string, valueStart: number): ProseRange {
  const leading = value.length - value.trimStart().length;
  const trimmed = value.trim();
  const quote = trimmed[0];
  if ((quote === '"' || quote === "'") && trimmed.endsWith(quote) && trimmed.length >= 2) {
    return { start: valueStart + leading + 1, end: valueStart + leading + trimmed.length - 1 };
  }
  const comment = trimmed.search(/\s#/u);
  const text = comment === -1 ? trimmed : trimmed.slice(0, comment).trimEnd();
  return { start: valueStart + leading, end: valueStart + leading + text.length, plainYaml: true };
}

function trimmedRange(line: Line, plainYaml: boolean): ProseRange {
  const leading = line.text.length - line.text.trimStart().length;
  return { start: line.offset + leading, end: line.offset + line.text.trimEnd().length, plainYaml };
}

// ----- body -----------------------------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const BLOCK_MARKER =
  /^(?:[ \t]*(?:>[ \t]?)*)(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?/u;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s/u;
const THEMATIC_BREAK = /^ {0,3}(?:[-*_][ \t]*){3,}$/u;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/u;

/**
 * Inline spans that are not prose, longest constructs first. Link text stays prose: only the
 * destination and title in (…) go. Each comes with a substring it cannot match without, so that
 * a line of plain prose (nearly every line) is not scanned seven times; exported so that tests
 * can pin each needle to its pattern.
 */
export const NON_PROSE_INLINE: ReadonlyArray<readonly [needle: string, pattern: RegExp]> = [
  ["`", /(`+)[^`]*?\1/gu], // inline code, any backtick run
  ["<!--", /<!--[\s\S]*?-->/gu],
  ["<", /<(?:https?|ftp|mailto):[^>\s]*>/giu], // autolinks
  ["<", /<\/?[A-Za-z][^<>]*>/gu], // HTML tags, attributes included
  ["](", /\]\([^)]*\)/gu], // link and image destinations
  ["{", /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/gu], // Nunjucks / Liquid
  ["://", /(?:https?|ftp):\/\/[^\s<>)»]+/giu],
];

function bodyRanges(lines: readonly Line[]): ProseRange[] {
  const ranges: ProseRange[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line.text);
    if (fence !== undefined) {
      if (
        fenceMatch &&
        fenceMatch[1]![0] === fence[0] &&
        fenceMatch[1]!.length >= fence.length &&
        line.text.trim() === fenceMatch[1]
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (inComment) {
      inComment = !line.text.includes("-->");
      continue;
    }
    if (line.text.includes("<!--") && !line.text.slice(line.text.indexOf("<!--")).includes("-->")) {
      inComment = true;
      ranges.push(
        ...lineRanges({ text: line.text.slice(0, line.text.indexOf("<!--")), offset: line.offset }),
      );
      continue;
    }
    if (
      REFERENCE_DEFINITION.test(line.text) ||
      THEMATIC_BREAK.test(line.text) ||
      TABLE_DELIMITER.test(line.text)
    )
      continue;
    ranges.push(...lineRanges(line));
  }
  return ranges;
}

function lineRanges(line: Line): ProseRange[] {
  const marker = BLOCK_MARKER.exec(line.text)?.[0].length ?? 0;
  const masked = maskNonProse(line.text);
  // Nothing masked (and no NUL written in the line): the line after its marker is one range.
  if (!masked.includes("\u0000")) {
    return marker < masked.length
      ? [{ start: line.offset + marker, end: line.offset + masked.length }]
      : [];
  }
  const ranges: ProseRange[] = [];
  for (const piece of masked.slice(marker).matchAll(/[^\u0000]+/gu)) {
    const start = marker + piece.index;
    ranges.push({ start: line.offset + start, end: line.offset + start + piece[0].length });
  }
  return ranges.filter((range) => range.end > range.start);
}

// Replace every non-prose character by NUL: ranges are then the runs without NUL, and offsets
// stay those of the line.
function maskNonProse(text: string): string {
  let masked = text;
  for (const [needle, pattern] of NON_PROSE_INLINE) {
    if (!masked.includes(needle)) continue;
    masked = masked.replace(pattern, (span) => "\u0000".repeat(span.length));
  }
  return masked;
}
