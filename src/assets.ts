/**
 * Fingerprinted assets: the stylesheet (with the self-hosted Vazirmatn @font-face rules) and the
 * font files, named by a hash of their bytes so hosts can cache them forever.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export interface FontFile {
  /** Absolute path of the source file. */
  source: string;
  /** Site path of the fingerprinted copy. */
  path: string;
  weight: number;
  unicodeRange: string;
}

export interface Assets {
  css: { path: string; content: string };
  fonts: FontFile[];
}

// From @fontsource/vazirmatn's own CSS: the Arabic-script subset and the Latin one.
const SUBSETS = {
  arabic:
    "U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC",
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
} as const;

const WEIGHTS = [400, 700] as const;

export function fingerprint(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

function fontFiles(): FontFile[] {
  const dir = path.join(path.dirname(require.resolve("@fontsource/vazirmatn/package.json")), "files");
  return WEIGHTS.flatMap((weight) =>
    (Object.keys(SUBSETS) as (keyof typeof SUBSETS)[]).map((subset) => {
      const source = path.join(dir, `vazirmatn-${subset}-${weight}-normal.woff2`);
      return {
        source,
        path: `/assets/fonts/vazirmatn-${subset}-${weight}.${fingerprint(readFileSync(source))}.woff2`,
        weight,
        unicodeRange: SUBSETS[subset],
      };
    }),
  );
}

// Relative to the stylesheet in /assets/, so the CSS works under any PATH_PREFIX.
function fontFaceCss(fonts: FontFile[]): string {
  return fonts
    .map(
      (font) =>
        `@font-face{font-family:Vazirmatn;font-style:normal;font-weight:${font.weight};font-display:swap;src:url(${font.path.slice("/assets/".length)}) format("woff2");unicode-range:${font.unicodeRange}}`,
    )
    .join("\n");
}

/** Read the stylesheet and fonts and name them by content. */
export function buildAssets(stylesheet: string): Assets {
  const fonts = fontFiles();
  const content = `${fontFaceCss(fonts)}\n${readFileSync(stylesheet, "utf8")}`;
  return { css: { path: `/assets/site.${fingerprint(content)}.css`, content }, fonts };
}
