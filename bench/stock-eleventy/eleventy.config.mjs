// @ts-check
/**
 * The stock Eleventy 3 site the benchmark compares the build with (bench/stock-eleventy.ts): the
 * issue's reference ("a stock Eleventy 3 setup"), doing what its Hugo figure does, pages, an index
 * and an RSS feed, the way Eleventy's own starter does them. Its defaults are Eleventy's own:
 * Markdown through markdown-it after Liquid, layouts in Nunjucks, the feed by the official
 * plugin's virtual template (https://www.11ty.dev/docs/plugins/rss/).
 */
import { feedPlugin } from "@11ty/eleventy-plugin-rss";

/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function stockConfig(eleventyConfig) {
  eleventyConfig.addPlugin(feedPlugin, {
    type: "rss",
    outputPath: "/feed.xml",
    collection: { name: "news", limit: 20 },
    metadata: {
      language: "fa",
      title: "Stock Eleventy",
      subtitle: "The benchmark's reference site",
      base: "https://example.org/",
      author: { name: "Benchmark" },
    },
  });
}
