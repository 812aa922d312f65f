/**
 * The Vazirmatn subsets (src/fonts.ts): each file holds exactly what its unicode-range promises,
 * shapes Persian exactly like the full font, and is the same bytes every time it is made.
 */
import fontverter from "fontverter";
import * as hb from "harfbuzzjs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cachedSubset,
  charactersOf,
  FACES,
  sourceFont,
  subsetToWoff2,
  WEIGHTS,
  type FaceName,
} from "../../src/fonts.ts";

const seed = readFileSync("bench/seed-fa.txt", "utf8");
// Everything the site's own chrome and a news report put in front of a reader, in one text:
// the seed article, Persian, Arabic-Indic and ASCII digits, Persian punctuation, harakat, a
// percentage, Arabic spellings, a quotation and some Latin.
const SAMPLE = `${seed}
«سرخط» ۱۳۹۹/۰۹/۱۳ ٢٠٢٠ 2020، ۴۵٫۵٪ رشد؛ چرا؟ مُحَمَّد إيران أحمد ؤ ئ ة ء كتاب يك ۀ آ
«نقل‌قول» — تیتر… Reuters (AFP) “quote” ‹ › 10:30 https://example.org/a?b=c&d
The OSCE Minsk Group, co-chaired by Russia, France & the United States, said on 3 December 2020: 'All foreign fighters must leave.' [RSS] {JSON-LD} 50% <b> | ~ ^ * + = ° × •`;

type Face = { face: hb.Face; font: hb.Font };

async function open(bytes: Buffer): Promise<Face> {
  const sfnt = await fontverter.convert(bytes, "truetype");
  const face = new hb.Face(new hb.Blob(sfnt));
  return { face, font: new hb.Font(face) };
}

/** Glyph outlines and positions of `text` shaped as Persian: what a browser would draw. */
function shape({ font }: Face, text: string): string[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  buffer.setLanguage("fa");
  hb.shape(font, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((info, index) => {
    const { xAdvance, yAdvance, xOffset, yOffset } = positions[index]!;
    return `${font.glyphToPath(info.codepoint)} ${xAdvance},${yAdvance},${xOffset},${yOffset}`;
  });
}

const cases = WEIGHTS.flatMap((weight) =>
  (Object.keys(FACES) as FaceName[]).map((face) => ({ face, weight })),
);

describe.each(cases)("the $face subset of Vazirmatn $weight", ({ face, weight }) => {
  const ranges = FACES[face];
  const characters = new Set([...charactersOf(ranges)]);

  it("holds exactly the characters its unicode-range declares", async () => {
    const subset = await open(readFileSync(await cachedSubset(sourceFont(face, weight), ranges)));
    const held = [...subset.face.collectUnicodes()].map((code) => String.fromCodePoint(code));
    // Control codes HarfBuzz keeps for its own use (NUL, CR) are never in a page's text.
    const visible = held.filter((char) => char >= " ");
    expect(new Set(visible)).toEqual(characters);
  });

  it("shapes every line of Persian and Latin sample text exactly like the full font", async () => {
    const source = await open(readFileSync(sourceFont(face, weight)));
    const subset = await open(readFileSync(await cachedSubset(sourceFont(face, weight), ranges)));
    // Each face draws its own characters; runs are split where the browser would switch faces.
    const runs = SAMPLE.split("\n").flatMap(
      (line) =>
        line.match(
          new RegExp(
            `[${[...characters].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join("")}]+`,
            "gu",
          ),
        ) ?? [],
    );
    expect(runs.join("").length).toBeGreaterThan(100);
    for (const run of runs) expect(shape(subset, run), run).toEqual(shape(source, run));
  });

  it("is the same bytes every time it is made", async () => {
    const source = readFileSync(sourceFont(face, weight));
    const [first, second] = await Promise.all([
      subsetToWoff2(source, charactersOf(ranges)),
      subsetToWoff2(source, charactersOf(ranges)),
    ]);
    expect(first.equals(second)).toBe(true);
    expect(first.equals(readFileSync(await cachedSubset(sourceFont(face, weight), ranges)))).toBe(
      true,
    );
    expect(first.subarray(0, 4).toString("latin1")).toBe("wOF2");
  });
});
