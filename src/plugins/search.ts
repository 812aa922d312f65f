import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { readArticles } from "../content/load-articles.ts";
import { articlesDirectory } from "../content/paths.ts";
import { buildSearchAssets } from "../search/assets.ts";
import { indexSite } from "../search/index-site.ts";

/**
 * Search (README, "Search"): the search page's fingerprinted script and stylesheet as the global
 * `searchAssets` (served by content/assets/search.11ty.ts), and, while previewing (`npm start`),
 * the index of what was just built. `npm run build` indexes in src/build.ts instead, before it
 * publishes, so that a failed index fails the build.
 */
export default function searchPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addGlobalData("searchAssets", () => buildSearchAssets());
  eleventyConfig.addWatchTarget("src/search/");
  eleventyConfig.addWatchTarget("assets/css/search.css");
  // `directories.output` is the folder really written to (`dir` is the configuration's, not --output).
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      if (runMode !== "serve" && runMode !== "watch") return;
      const { articles } = readArticles({
        dir: path.resolve(articlesDirectory()),
        root: process.cwd(),
        includeDrafts: true,
      });
      await indexSite(path.resolve(directories.output), articles);
    },
  );
}
