import type UserConfig from "@11ty/eleventy/UserConfig";
import { markdown } from "../markdown.ts";

/** Eleventy's Markdown pages use the same markdown-it instance as articles and feeds. */
export default function markdownPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setLibrary("md", markdown);
}
