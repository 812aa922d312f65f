import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildAssets, buildFonts } from "../assets.ts";

/**
 * The fingerprinted stylesheet (served by content/assets/stylesheet.11ty.ts) and font files.
 * Fonts are fixed per install, so they are subset (or read from the subset cache) once, while
 * Eleventy reads its configuration (plugins may be async); the CSS is re-read every build.
 */
export default async function assetsPlugin(
  eleventyConfig: UserConfig,
  options: { stylesheet: string },
): Promise<void> {
  const fonts = await buildFonts();
  for (const font of fonts)
    eleventyConfig.addPassthroughCopy({ [font.source]: font.path.slice(1) });
  // The site icon keeps a fixed name: browsers and manifests look for it where it was.
  eleventyConfig.addPassthroughCopy({
    "assets/images/icon.svg": "icon.svg",
    "assets/images/icon-192.png": "icon-192.png",
    "assets/images/icon-512.png": "icon-512.png",
  });
  eleventyConfig.addWatchTarget(options.stylesheet);
  eleventyConfig.addGlobalData("assets", () => buildAssets(options.stylesheet, fonts));
}
