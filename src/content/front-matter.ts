/**
 * Split a Markdown file into YAML front matter and body, keeping line numbers for error reports.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";

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
