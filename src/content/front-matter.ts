/**
 * Split a Markdown file into YAML front matter and body, keeping line numbers for error reports.
 *
 * Two YAML parsers, one meaning. `yaml` is the reference: it keeps each key's position and names
 * errors well, and it rejects what an editor most likely did by mistake (a quote left open, so the
 * next line's field would be swallowed into this one), where js-yaml would join the lines. But it
 * is slow: 85 µs a front matter against js-yaml's 9 µs (measured on the benchmark's corpus), 40 %
 * of reading an article. So a front matter of the usual shape (`plainShapeKeyLines`: one `key:
 * value` a line, each value whole on its line, lists as `- item` lines) is read by js-yaml, on
 * which the two agree (tests/unit/front-matter.test.ts compares them), and its keys' lines come
 * from that same scan; anything else, and anything js-yaml rejects, is read by `yaml`.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { createRequire } from "node:module";
import type { Node } from "yaml";

const require = createRequire(import.meta.url);
let yamlPackage: typeof import("yaml") | undefined;

// Loaded the first time a front matter needs it: most files never do, and loading it took 50 ms
// of each thread's start that reads articles (measured). Required, not imported, because
// `parseWithPositions` is synchronous; Node loads the same file for both (its `node` export).
function yaml(): typeof import("yaml") {
  return (yamlPackage ??= require("yaml") as typeof import("yaml"));
}

export interface ParsedSource {
  /** The front matter as plain data; dates stay strings (YAML core schema) so Tehran time applies. */
  data: unknown;
  body: string;
  /** The 1-based line of a top-level key in the file, or of the front matter's start. */
  lineOf(key?: string): number;
  /** YAML syntax errors, with their line in the file. */
  errors: { line: number; message: string }[];
}

const FENCE = /^---[ \t]*\n/;

export function parseSource(source: string): ParsedSource {
  if (!FENCE.test(source)) {
    return {
      data: undefined,
      body: source,
      lineOf: () => 1,
      errors: [
        { line: 1, message: "the file has no front matter (it must start with a line ---)" },
      ],
    };
  }
  const afterOpen = source.indexOf("\n") + 1;
  const close = /^---[ \t]*$/m.exec(source.slice(afterOpen));
  if (!close) {
    return {
      data: undefined,
      body: "",
      lineOf: () => 1,
      errors: [{ line: 1, message: "the front matter is not closed by a line ---" }],
    };
  }
  const yamlText = source.slice(afterOpen, afterOpen + close.index);
  const bodyStart = afterOpen + close.index + close[0].length + 1;
  const body = source.slice(Math.min(bodyStart, source.length));

  const keyLines = plainShapeKeyLines(yamlText);
  if (keyLines) {
    try {
      // The core schema keeps `2020-12-03` a string, as `yaml` does below.
      const data = load(yamlText, { schema: CORE_SCHEMA });
      return {
        data,
        body,
        lineOf: (key) => (key !== undefined && keyLines.get(key)) || 1,
        errors: [],
      };
    } catch {
      // `yaml` names the error below.
    }
  }
  return parseWithPositions(yamlText, body);
}

/** The reference reading, by `yaml`: errors and key lines from its document's positions. */
export function parseWithPositions(yamlText: string, body: string): ParsedSource {
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // The core schema keeps `2020-12-03` a string (YAML 1.1 would make it a UTC Date and lose the zone).
  const document = parseDocument(yamlText, {
    schema: "core",
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const errors = document.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: `YAML syntax: ${error.message.split("\n")[0]}`,
  }));

  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.range) keyLines.set(String(key.value), lineAt(key.range[0]));
    }
  }
  return {
    data: errors.length ? undefined : document.toJS(),
    body,
    lineOf: (key) => (key !== undefined && keyLines.get(key)) || 1,
    errors,
  };
}

// A key as editors write them; a line of the list a key with no value holds; a comment.
const KEY_LINE = /^([A-Za-z_][\w-]*):(?:[ ]+(.*))?$/u;
const ITEM_LINE = /^([ ]*)-[ ]+(.*)$/u;
const BLANK_OR_COMMENT = /^[ ]*(?:#.*)?$/u;
// Values whole on their line, which js-yaml and `yaml` read alike: a closed quoted string, or a
// plain one that starts with no YAML indicator and holds no `: ` or ` #`. A plain value starting
// with a digit, a sign or a dot must look like a number or a date: js-yaml also reads `0b101`,
// `1_000.5` and `1:30`-style forms that `yaml`'s core schema keeps as strings (or the reverse).
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\.)*"$/u;
const SINGLE_QUOTED = /^'(?:[^']|'')*'$/u;
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:(?!: | #).)*(?<![\s:])$/u;
const NUMBER_LIKE = /^[-+.\d]/u;
const NUMBER_OR_DATE =
  /^(?:[-+]?\d+(?:\.\d+)?|\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[-+]\d\d:?\d\d)?)?)$/u;

function isWholeValue(value: string): boolean {
  if (DOUBLE_QUOTED.test(value) || SINGLE_QUOTED.test(value)) return true;
  return PLAIN.test(value) && (!NUMBER_LIKE.test(value) || NUMBER_OR_DATE.test(value));
}

/**
 * The line in the file of each top-level key when `yamlText` has the usual shape (see the top of
 * this module); `undefined` when it has any other, or a key twice.
 */
export function plainShapeKeyLines(yamlText: string): Map<string, number> | undefined {
  if (yamlText.includes("\t") || yamlText.includes("\r")) return undefined;
  const lines = new Map<string, number>();
  // The indent of the list under the last key: -1 when that key has a value, so takes no list;
  // undefined until its first item sets it. Items of one list share an indent.
  let listIndent: number | undefined = -1;
  let lineNumber = 1; // the opening --- is line 1 of the file
  for (const line of yamlText.split("\n")) {
    lineNumber++;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const key = KEY_LINE.exec(line);
    if (key) {
      const [, name, value] = key as unknown as [string, string, string | undefined];
      if (lines.has(name)) return undefined;
      lines.set(name, lineNumber);
      if (value === undefined || value === "") listIndent = undefined;
      else if (isWholeValue(value)) listIndent = -1;
      else return undefined;
      continue;
    }
    const item = ITEM_LINE.exec(line);
    if (!item || listIndent === -1 || !isWholeValue(item[2]!)) return undefined;
    const indent = item[1]!.length;
    if (listIndent !== undefined && indent !== listIndent) return undefined;
    listIndent = indent;
  }
  return lines;
}
