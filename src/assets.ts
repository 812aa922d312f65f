/**
 * Fingerprinted assets: the stylesheet (with the self-hosted Vazirmatn @font-face rules) and the
 * font files, named by a hash of their bytes so hosts can cache them forever. The fonts are
 * subsets (src/fonts.ts) made once and cached on disk.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cachedSubset, FACES, sourceFont, unicodeRange, WEIGHTS, type FaceName } from "./fonts.ts";

export interface FontFile {
  /** Absolute path of the subset font file (in the subset cache). */
  source: string;
  /** Site path of the fingerprinted copy. */
  path: string;
  weight: number;
  face: FaceName;
  unicodeRange: string;
}

export interface Assets {
  css: { path: string; content: string };
  fonts: FontFile[];
}

export function fingerprint(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

/** Subset (or read from the cache) every face at every weight. */
export async function buildFonts(): Promise<FontFile[]> {
  const faces = Object.keys(FACES) as FaceName[];
  return Promise.all(
    WEIGHTS.flatMap((weight) =>
      faces.map(async (face) => {
        const source = await cachedSubset(sourceFont(face, weight), FACES[face]);
        return {
          source,
          path: `/assets/fonts/vazirmatn-${face}-${weight}.${fingerprint(readFileSync(source))}.woff2`,
          weight,
          face,
          unicodeRange: unicodeRange(FACES[face]),
        };
      }),
    ),
  );
}

// Relative to the stylesheet in /assets/, so the CSS works under any PATH_PREFIX.
function fontFaceCss(fonts: readonly FontFile[]): string {
  return fonts
    .map(
      (font) =>
        `@font-face{font-family:Vazirmatn;font-style:normal;font-weight:${font.weight};font-display:swap;src:url(${font.path.slice("/assets/".length)}) format("woff2");unicode-range:${font.unicodeRange}}`,
    )
    .join("\n");
}

/** Read the stylesheet and name it by content; `fonts` come from `buildFonts()`. */
export function buildAssets(stylesheet: string, fonts: readonly FontFile[]): Assets {
  const content = `${fontFaceCss(fonts)}\n${readFileSync(stylesheet, "utf8")}`;
  return { css: { path: `/assets/site.${fingerprint(content)}.css`, content }, fonts: [...fonts] };
}
