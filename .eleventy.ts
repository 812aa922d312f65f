/**
 * Sarkhat's Eleventy configuration: a table of contents. Each feature is a plugin in src/plugins/.
 * https://www.11ty.dev/docs/config/
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import assetsPlugin from "./src/plugins/assets.ts";
import { defaultArticlesDir } from "./src/content/paths.mjs";
import contentPlugin from "./src/plugins/content.ts";
import markdownPlugin from "./src/plugins/markdown.ts";
import searchPlugin from "./src/plugins/search.ts";
import streamedPages from "./src/plugins/streamed-pages.ts";
import typescriptTemplates from "./src/plugins/typescript-templates.ts";

export default function (eleventyConfig: UserConfig): void {
  // Templates: TypeScript functions for pages, markdown-it for Markdown pages.
  eleventyConfig.addPlugin(typescriptTemplates);
  eleventyConfig.addPlugin(markdownPlugin);

  // Content: articles in content/news/, read, validated and indexed once per build.
  eleventyConfig.addPlugin(contentPlugin, { articlesDir: defaultArticlesDir });
  // Pages by the thousand (articles, short links, listings, feeds), written one at a time in
  // production builds instead of all held in memory (src/plugins/streamed-pages.ts).
  eleventyConfig.addPlugin(streamedPages, {
    templates: [
      "content/article.11ty.ts",
      "content/short-links.11ty.ts",
      "content/listings.11ty.ts",
      "content/feeds/feeds.11ty.ts",
    ],
  });

  // Assets: fingerprinted stylesheet and self-hosted fonts.
  eleventyConfig.addPlugin(assetsPlugin, { stylesheet: "assets/css/site.css" });

  // Search: the search page's script and styles; the index itself is built after the site.
  eleventyConfig.addPlugin(searchPlugin);
}

export const config = {
  dir: {
    input: "content",
    includes: "../layouts",
  },
  templateFormats: ["md", "11ty.ts"],
};
