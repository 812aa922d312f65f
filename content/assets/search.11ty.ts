import type { SearchAssets } from "../../src/search/assets.ts";

type SearchFile = SearchAssets[keyof SearchAssets];

// One page per file of the search page: its script and its stylesheet, at fingerprinted paths.
export const data = {
  pagination: { data: "searchAssets", size: 1, alias: "file", resolve: "values" },
  permalink: (data: { file: SearchFile }) => data.file.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: { file: SearchFile }): string {
  return data.file.content;
}
