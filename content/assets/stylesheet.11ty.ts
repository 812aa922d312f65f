import type { Assets } from "../../src/assets.ts";

export const data = {
  permalink: (data: { assets: Assets }) => data.assets.css.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: { assets: Assets }): string {
  return data.assets.css.content;
}
