/**
 * The text of a PDF that Chromium (Skia) printed, read back without a PDF library: enough of the
 * format to prove that a printed page really carries its words, not just that a file was written.
 *
 * What it understands is what Skia writes: objects with FlateDecode streams, Type0 fonts with
 * Identity-H encoding and a ToUnicode CMap, text shown with `Tj`/`TJ`, right-to-left runs marked
 * `/ReversedChars BMC … EMC` (their glyphs are in visual order) and `/Span <</ActualText …>> BDC`
 * for glyphs whose characters the CMap cannot tell (shaped Persian letters, ligatures).
 * Anything else (another producer, encrypted or object-stream PDFs) is an error, never a guess.
 */
import { inflateSync } from "node:zlib";

interface PdfObject {
  dictionary: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  if (!text.startsWith("%PDF-"))
    throw new Error(`Not a PDF: it starts with ${JSON.stringify(text.slice(0, 8))}`);
  if (/\/ObjStm\b|\/Encrypt\b/.test(text))
    throw new Error("This PDF uses object streams or encryption, which pdf-text does not read");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = header.lastIndex;
    const end = text.indexOf("endobj", start);
    if (end < 0) throw new Error(`PDF object ${match[1]} has no endobj`);
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dictionary: body });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1]);
    if (!Number.isInteger(length))
      throw new Error(`PDF object ${match[1]} has no direct /Length: ${dictionary.slice(0, 120)}`);
    const dataStart = start + streamAt + /stream\r?\n/.exec(body.slice(streamAt))![0].length;
    const raw = pdf.subarray(dataStart, dataStart + length);
    const stream = /\/Filter\s*\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw;
    objects.set(Number(match[1]), { dictionary, stream });
    header.lastIndex = dataStart + length;
  }
  return objects;
}

function utf16Hex(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s+/g, ""), "hex");
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2)
    out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out.replace(/^\uFEFF/, "");
}

/** A ToUnicode CMap: glyph code (hex) → characters. */
function parseCMap(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, chars] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code!, 16), utf16Hex(chars!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, first] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const base = utf16Hex(first!);
      const lastUnit = base.charCodeAt(base.length - 1);
      for (let code = parseInt(low!, 16), i = 0; code <= parseInt(high!, 16); code++, i++) {
        map.set(code, base.slice(0, -1) + String.fromCharCode(lastUnit + i));
      }
    }
  }
  return map;
}

function referenced(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

type Token =
  | { kind: "operator"; value: string }
  | { kind: "hex" | "name" | "number" | "string"; value: string }
  | { kind: "dictionary"; value: string }
  | { kind: "array"; value: Token[] };

/** Tokens of a content stream (the operand syntax Skia uses). */
function tokenize(source: string): Token[] {
  let at = 0;
  const read = (): Token | undefined | "]" => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
    if (at >= source.length) return undefined;
    const char = source[at]!;
    if (char === "]") {
      at++;
      return "]";
    }
    if (char === "[") {
      at++;
      const items: Token[] = [];
      for (let item = read(); item !== "]"; item = read()) {
        if (item === undefined) throw new Error("Unterminated array in a PDF content stream");
        items.push(item);
      }
      return { kind: "array", value: items };
    }
    if (source.startsWith("<<", at)) {
      let depth = 0;
      const start = at;
      do {
        if (source.startsWith("<<", at)) (depth++, (at += 2));
        else if (source.startsWith(">>", at)) (depth--, (at += 2));
        else at++;
      } while (depth > 0 && at < source.length);
      return { kind: "dictionary", value: source.slice(start, at) };
    }
    if (char === "<") {
      const end = source.indexOf(">", at);
      const value = source.slice(at + 1, end);
      at = end + 1;
      return { kind: "hex", value };
    }
    if (char === "(") {
      let depth = 0;
      const start = at;
      do {
        if (source[at] === "\\") at++;
        else if (source[at] === "(") depth++;
        else if (source[at] === ")") depth--;
        at++;
      } while (depth > 0 && at < source.length);
      return { kind: "string", value: source.slice(start + 1, at - 1) };
    }
    const word = /^\/?[^\s\[\]<>()/]*/.exec(source.slice(at, at + 200))![0] || char;
    at += word.length;
    if (word.startsWith("/")) return { kind: "name", value: word.slice(1) };
    if (/^[-+.\d]/.test(word)) return { kind: "number", value: word };
    return { kind: "operator", value: word };
  };
  const tokens: Token[] = [];
  for (let token = read(); token !== undefined; token = read()) {
    if (token === "]") throw new Error("Unbalanced ] in a PDF content stream");
    tokens.push(token);
  }
  return tokens;
}

interface Frame {
  /** What this marked-content frame does to the text inside it. */
  kind: "reversed" | "actual" | "other";
  actualText?: string;
  /** Units of text, each a glyph's or an ActualText span's characters. */
  units: string[];
}

/** The text of one page content stream, each text object (BT … ET) on its own line. */
function contentText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let operands: Token[] = [];
  let cmap: Map<number, string> | undefined;
  let fontName = "";
  const stack: Frame[] = [{ kind: "other", units: [] }];
  const top = () => stack[stack.length - 1]!;
  const glyphs = (hex: string): string[] => {
    if (!cmap) throw new Error(`Text shown before a font was selected`);
    const units: string[] = [];
    for (let i = 0; i + 3 < hex.length; i += 4) {
      const code = parseInt(hex.slice(i, i + 4), 16);
      const chars = cmap.get(code);
      // A glyph without a mapping (a space Skia drew as a glyph of its own) must not vanish silently.
      units.push(chars ?? (code === 3 ? " " : `\uFFFD`));
    }
    return units;
  };
  const show = (units: string[]) => {
    const frame = top();
    // Inside an ActualText span the span's text replaces whatever glyphs it covers.
    if (frame.kind !== "actual") frame.units.push(...units);
  };
  for (const token of tokenize(content)) {
    if (token.kind !== "operator") {
      operands.push(token);
      continue;
    }
    const op = token.value;
    if (op === "Tf") {
      const name = operands.find((operand) => operand.kind === "name")?.value as string | undefined;
      fontName = name ?? "";
      cmap = fonts.get(fontName);
      if (!cmap) throw new Error(`Font /${fontName} has no ToUnicode CMap`);
    } else if (op === "Tj" || op === "'" || op === '"') {
      const text = operands.at(-1);
      if (text?.kind === "hex") show(glyphs(text.value));
      else if (text?.kind === "string")
        throw new Error(`Font /${fontName}: literal strings are not read by pdf-text`);
    } else if (op === "TJ") {
      const array = operands.at(-1);
      if (array?.kind === "array")
        for (const item of array.value) if (item.kind === "hex") show(glyphs(item.value));
    } else if (op === "BMC" || op === "BDC") {
      const tag = operands.find((operand) => operand.kind === "name")?.value;
      const properties = operands.find((operand) => operand.kind === "dictionary")?.value ?? "";
      const actual = /\/ActualText\s*<([0-9A-Fa-f\s]*)>/.exec(properties);
      if (tag === "ReversedChars") stack.push({ kind: "reversed", units: [] });
      else if (actual) stack.push({ kind: "actual", actualText: utf16Hex(actual[1]!), units: [] });
      else stack.push({ kind: "other", units: [] });
    } else if (op === "EMC") {
      const frame = stack.pop();
      if (!frame || stack.length === 0) throw new Error("Unbalanced EMC in a PDF content stream");
      const units =
        frame.kind === "actual"
          ? [frame.actualText!]
          : frame.kind === "reversed"
            ? frame.units.reverse()
            : frame.units;
      // Reversing by unit keeps an ActualText span's own characters in their logical order.
      if (top().kind !== "actual")
        top().units.push(frame.kind === "reversed" ? units.join("") : units.join(""));
    } else if (op === "ET") {
      lines.push(top().units.join(""));
      top().units = [];
    }
    operands = [];
  }
  return lines.join("\n");
}

/**
 * Every text object of every page, in drawing order, one per line. Right-to-left runs come out
 * in logical (reading) order; a line may hold one word or a whole run, as Chromium drew it.
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<number, Map<number, string>>();
  for (const [number, object] of objects) {
    const toUnicode = /\/Type\s*\/Font\b/.test(object.dictionary)
      ? referenced(object.dictionary, "ToUnicode")
      : undefined;
    if (toUnicode === undefined) continue;
    const cmap = objects.get(toUnicode)?.stream;
    if (!cmap) throw new Error(`Font object ${number}: its ToUnicode ${toUnicode} has no stream`);
    cmapOfFont.set(number, parseCMap(cmap.toString("latin1")));
  }
  const pages = [...objects.values()].filter((object) =>
    /\/Type\s*\/Page\b(?!s)/.test(object.dictionary),
  );
  if (pages.length === 0) throw new Error("The PDF has no page");
  const texts: string[] = [];
  for (const page of pages) {
    const fonts = new Map<string, Map<number, string>>();
    const fontDictionary = /\/Font\s*<<([^>]*)>>/.exec(page.dictionary)?.[1] ?? "";
    for (const [, name, number] of fontDictionary.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const cmap = cmapOfFont.get(Number(number));
      if (cmap) fonts.set(name!, cmap);
    }
    const contents = /\/Contents\s+(\d+) 0 R/.exec(page.dictionary)?.[1];
    const stream = contents === undefined ? undefined : objects.get(Number(contents))?.stream;
    if (!stream) throw new Error(`A PDF page has no content stream (/Contents ${contents})`);
    texts.push(contentText(stream.toString("latin1"), fonts));
  }
  return texts.join("\n");
}

/**
 * Text as words to compare a PDF with a page: compatibility forms folded (shaped Arabic letters
 * → plain letters), zero-width joiners and non-joiners dropped, split on white space.
 */
export function comparableWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .split(/\s+/)
    .filter(Boolean);
}
