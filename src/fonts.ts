/**
 * Vazirmatn, subset to the characters a Persian news site shows, as woff2 (HarfBuzz's subsetter,
 * via `subset-font`). Subsetting takes about a second per file, so results are cached on disk under
 * node_modules/.cache/sarkhat-fonts, keyed by the source font's bytes, the character set and the
 * subsetter's version: builds after the first only read the cache. The output is deterministic
 * (tests/unit/fonts.test.ts subsets twice and compares bytes), so fingerprints are stable.
 *
 * Two faces per weight, because @fontsource/vazirmatn ships Vazirmatn split in two files:
 * - `arabic`: Persian and Arabic letters (ی ک ي ك ة ء and the hamza forms), harakat, Persian and
 *   Arabic-Indic digits, ، ؛ ؟ ٪ ٫ ٬, ZWNJ, ZWJ and LRM, and the space. Every page needs it.
 * - `latin`: printable ASCII, « » and the typographic punctuation Persian text uses. Its file
 *   holds the Latin glyphs, so a page loads it as soon as it shows « » or ASCII punctuation.
 * Anything else (an é in a name, a presentation form from a PDF) falls back to a system font:
 * `unicode-range` tells the browser exactly what each file holds, so it never downloads a font
 * for a character it does not have.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { writeFileAtomically } from "./write-atomically.ts";

const require = createRequire(import.meta.url);

/** Inclusive code point ranges. */
export type CodePointRanges = readonly (readonly [number, number])[];

export const FACES = {
  arabic: [
    [0x0020, 0x0020], // space
    [0x00a0, 0x00a0], // no-break space
    [0x060c, 0x060c], // ، comma
    [0x061b, 0x061b], // ؛ semicolon
    [0x061f, 0x061f], // ؟ question mark
    [0x0621, 0x063a], // ء … غ, with ة, the hamza forms, Arabic ي
    [0x0640, 0x0655], // tatweel, ف … ي (Arabic ك ي), harakat, hamza above and below
    [0x0660, 0x066c], // Arabic-Indic digits, ٪ ٫ ٬
    [0x0670, 0x0670], // superscript alef
    [0x067e, 0x067e], // پ
    [0x0686, 0x0686], // چ
    [0x0698, 0x0698], // ژ
    [0x06a9, 0x06a9], // ک
    [0x06af, 0x06af], // گ
    [0x06c0, 0x06c0], // ۀ
    [0x06cc, 0x06cc], // ی
    [0x06f0, 0x06f9], // Persian digits
    [0x200c, 0x200e], // ZWNJ, ZWJ, LRM
  ],
  latin: [
    [0x0021, 0x007e], // printable ASCII
    [0x00ab, 0x00ab], // «
    [0x00b0, 0x00b0], // °
    [0x00bb, 0x00bb], // »
    [0x00d7, 0x00d7], // ×
    [0x2013, 0x2014], // – —
    [0x2018, 0x2019], // ‘ ’
    [0x201c, 0x201d], // “ ”
    [0x2022, 0x2022], // •
    [0x2026, 0x2026], // …
    [0x2039, 0x203a], // ‹ › (breadcrumb separators)
  ],
} as const satisfies Record<string, CodePointRanges>;

export type FaceName = keyof typeof FACES;

export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

export function charactersOf(ranges: CodePointRanges): string {
  let text = "";
  for (const [from, to] of ranges)
    for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

/** CSS `unicode-range` for the ranges: `U+20,U+A0,U+621-63A,…`. */
export function unicodeRange(ranges: CodePointRanges): string {
  const hex = (code: number) => code.toString(16).toUpperCase();
  return ranges
    .map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`))
    .join(",");
}

/** The @fontsource/vazirmatn file a face is cut from. */
export function sourceFont(face: FaceName, weight: Weight): string {
  const dir = path.join(
    path.dirname(require.resolve("@fontsource/vazirmatn/package.json")),
    "files",
  );
  return path.join(dir, `vazirmatn-${face}-${weight}-normal.woff2`);
}

// Only what shaping Persian and Latin text needs: joining forms, ligatures, marks, kerning,
// localised forms (Persian digits ۴ ۵ ۶ under lang="fa"). Dropping the rest (fractions,
// numerators, tabular figures) takes about 1 KB off each file.
const LAYOUT_FEATURES = [
  "ccmp",
  "locl",
  "isol",
  "init",
  "medi",
  "fina",
  "rlig",
  "liga",
  "calt",
  "rclt",
  "mark",
  "mkmk",
  "kern",
  "curs",
];

const SUBSETTER_VERSIONS = ["subset-font", "harfbuzzjs", "fontverter"]
  .map((name) => {
    try {
      return `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version}`;
    } catch {
      // harfbuzzjs and fontverter are subset-font's own dependencies: not always resolvable from here.
      return `${name}@?`;
    }
  })
  .join(",");

/** Subset a font to `text` as woff2, uncached. */
export async function subsetToWoff2(source: Buffer, text: string): Promise<Buffer> {
  // Loaded only to make a subset, which the cache makes rare: subset-font and its WebAssembly
  // (HarfBuzz, woff2) took 0.1–0.15 s of every build's start just to load, measured.
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(source, text, { targetFormat: "woff2", keepFeatures: LAYOUT_FEATURES });
}

function cacheDirectory(): string {
  const nodeModules = path.resolve(path.dirname(require.resolve("subset-font/package.json")), "..");
  return path.join(nodeModules, ".cache", "sarkhat-fonts");
}

/** The subset of `source` to `ranges`, from the disk cache when it was made before; returns its path. */
export async function cachedSubset(source: string, ranges: CodePointRanges): Promise<string> {
  const bytes = readFileSync(source);
  const text = charactersOf(ranges);
  const key = createHash("sha256")
    .update(bytes)
    .update("\0")
    .update(text)
    .update("\0")
    .update(LAYOUT_FEATURES.join())
    .update("\0")
    .update(SUBSETTER_VERSIONS)
    .digest("hex")
    .slice(0, 20);
  const dir = cacheDirectory();
  const file = path.join(dir, `${path.basename(source, ".woff2")}.${key}.woff2`);
  if (existsSync(file)) return file;
  const subset = await subsetToWoff2(bytes, text);
  mkdirSync(dir, { recursive: true });
  // A build running beside this one never reads half a file.
  writeFileAtomically(file, subset);
  return file;
}
