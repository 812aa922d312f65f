/**
 * What is wrong with an article's Markdown body, by line and column in the file: forbidden
 * characters (src/text-hygiene.ts), character references that decode into one, and images from
 * another host (pages load nothing from other hosts; the Content-Security-Policy would block them).
 */
import type { Token } from "markdown-it/index.js";
import { isExternalUrl, markdown } from "../markdown.ts";
import {
  characterPosition,
  describeCharacter,
  displayValue,
  findForbiddenCharacters,
} from "../text-hygiene.ts";
import type { ContentProblem } from "./problems.ts";

const PLAIN_TEXT = "plain text (delete the character: most editors do not show it)";

/** Where the body starts in the file, so body problems get the file's own line numbers. */
export function bodyStartLine(source: string, body: string): number {
  return source.slice(0, source.length - body.length).split("\n").length;
}

/**
 * Problems of a Markdown body: forbidden characters (by line and column) and images from another
 * host (pages load nothing from other hosts, and the Content-Security-Policy would block them).
 */
export function bodyProblems(
  file: string,
  body: string,
  firstLine: number,
  tokens: Token[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lines = body.split("\n");
  lines.forEach((text, index) => {
    for (const found of findForbiddenCharacters(text)) {
      const column = characterPosition(text, found.index);
      const before = Array.from(text.slice(0, found.index)).slice(-12).join("");
      const after = Array.from(text.slice(found.index + found.char.length))
        .slice(0, 12)
        .join("");
      problems.push({
        file,
        line: firstLine + index,
        column,
        field: "body",
        message: `${found.kind} (${describeCharacter(found.char)}) in ${displayValue(before + found.char + after)}`,
        expected: PLAIN_TEXT,
      });
    }
  });
  problems.push(...referenceProblems(file, lines, firstLine, tokens));
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      const src = token.type === "image" ? token.attrGet("src") : null;
      if (src === null || !isExternalUrl(src)) continue;
      const blockLine = block.map?.[0] ?? 0;
      // The image is in its block's lines; find the exact line and column for the editor.
      const span = lines.slice(blockLine, block.map?.[1] ?? blockLine + 1);
      const hit = span.findIndex((text) => text.includes(src));
      const lineText = span[Math.max(hit, 0)] ?? "";
      problems.push({
        file,
        line: firstLine + blockLine + Math.max(hit, 0),
        column: hit === -1 ? undefined : characterPosition(lineText, lineText.indexOf(src)),
        field: "body",
        message: `the image ${displayValue(src)} is on another host`,
        expected:
          "an image stored with the site (a path like /images/photo.jpg): pages load nothing from other hosts",
      });
    }
  }
  return problems;
}

const REPLACEMENT_CHARACTER = "\uFFFD";
const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));/g;

/** The text Markdown makes of a block once character references are decoded (code stays literal). */
function decodedTexts(block: Token): string[] {
  // A fence's info string (```lang) is decoded only when rendered, into a class name.
  const texts = block.type === "fence" ? [markdown.utils.unescapeAll(block.info)] : [];
  for (const token of block.children ?? []) {
    if (token.type === "code_inline") continue;
    texts.push(token.content, ...(token.attrs ?? []).map(([, value]) => value));
  }
  return texts;
}

/**
 * Character references that Markdown decodes into a forbidden character: `&#x202E;` is a bidi
 * override on the page as surely as the character itself, and `&#0;` a replacement character.
 */
function referenceProblems(
  file: string,
  lines: readonly string[],
  firstLine: number,
  tokens: Token[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { fromCodePoint, isValidEntityCode } = markdown.utils;
  // Table cells carry no line numbers of their own: they take those of the enclosing table.
  let map: [number, number] | null = null;
  for (const block of tokens) {
    map = block.map ?? map;
    if (!map) continue;
    const decoded = decodedTexts(block).join("");
    if (!decoded || !lines.slice(map[0], map[1]).some((line) => line.includes("&#"))) continue;
    for (let index = map[0]; index < map[1]; index++) {
      const text = lines[index] ?? "";
      for (const match of text.matchAll(NUMERIC_REFERENCE)) {
        const code = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
        // What markdown-it makes of it: invalid code points become U+FFFD.
        const char = isValidEntityCode(code) ? fromCodePoint(code) : "\uFFFD";
        const [found] = findForbiddenCharacters(char);
        if (!found || !decoded.includes(char)) continue;
        problems.push({
          file,
          line: firstLine + index,
          column: characterPosition(text, match.index),
          field: "body",
          message: `the character reference ${displayValue(match[0])} makes ${char === REPLACEMENT_CHARACTER ? "an invalid character" : found.kind} (${describeCharacter(char)})`,
          expected: "plain text (delete the reference)",
        });
      }
    }
  }
  return problems;
}
