import { renderSearchPage } from "../layouts/search.ts";
import type { Assets } from "../src/assets.ts";
import { routes } from "../src/routes.ts";
import type { SearchAssets } from "../src/search/assets.ts";

export const data = { permalink: routes.search(), eleventyExcludeFromCollections: true };

export function render(data: { assets: Assets; searchAssets: SearchAssets }): string {
  return renderSearchPage(data.assets, data.searchAssets);
}
