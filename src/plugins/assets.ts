import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildAssets } from "../assets.ts";

/**
 * The fingerprinted stylesheet (served by content/assets/stylesheet.11ty.ts) and font files.
 * Fonts are fixed per install, so their copies are declared once; the CSS is re-read every build.
 */
export default function assetsPlugin(eleventyConfig: UserConfig, options: { stylesheet: string }): void {
  const { fonts } = buildAssets(options.stylesheet);
  for (const font of fonts) eleventyConfig.addPassthroughCopy({ [font.source]: font.path.slice(1) });
  // The site icon keeps a fixed name: browsers and manifests look for it where it was.
  eleventyConfig.addPassthroughCopy({
    "assets/images/icon.svg": "icon.svg",
    "assets/images/icon-192.png": "icon-192.png",
    "assets/images/icon-512.png": "icon-512.png",
  });
  eleventyConfig.addWatchTarget(options.stylesheet);
  eleventyConfig.addGlobalData("assets", () => buildAssets(options.stylesheet));
}
