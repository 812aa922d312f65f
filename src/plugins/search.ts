import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { readArticles } from "../content/load-articles.ts";
import { articlesDirectory } from "../content/paths.mjs";
import { buildSearchAssets, type SearchAssets } from "../search/assets.ts";
import { indexSite } from "../search/index-site.ts";

/**
 * Search (README, "Search"): the search page's fingerprinted script and stylesheet as the global
 * `searchAssets` (served by content/assets/search.11ty.ts), and, while previewing (`npm start`),
 * the index of what was just built. `npm run build` indexes in src/build.ts instead, before it
 * publishes, so that a failed index fails the build.
 */
export default function searchPlugin(eleventyConfig: UserConfig): void {
  // Asked for twice a build (by the streamed pages and by Eleventy): bundled once per build.
  let assets: Promise<SearchAssets> | undefined;
  eleventyConfig.addGlobalData("searchAssets", () => (assets ??= buildSearchAssets()));
  eleventyConfig.addWatchTarget("assets/css/search.css");

  // While previewing, the index follows each rebuild without delaying it: the browser reloads
  // with the edited page at once, and the index (a fraction of a second for a thousand articles,
  // less when few changed: records are kept per article) is written just after. Rebuilds index
  // one after another, never two at a time.
  let indexing: Promise<void> = Promise.resolve();
  // `directories.output` is the folder really written to (`dir` is the configuration's, not --output).
  eleventyConfig.on(
    "eleventy.after",
    ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      assets = undefined;
      if (runMode !== "serve" && runMode !== "watch") return;
      const outputDir = path.resolve(directories.output);
      indexing = indexing.then(async () => {
        try {
          const { articles } = readArticles({
            dir: path.resolve(articlesDirectory()),
            root: process.cwd(),
            includeDrafts: true,
          });
          await indexSite(outputDir, articles);
        } catch (error) {
          console.error(`[sarkhat] The search index was not updated: ${String(error)}`);
        }
      });
    },
  );
}
