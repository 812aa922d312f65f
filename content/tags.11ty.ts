import { renderTagIndex } from "../layouts/indexes.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { routes } from "../src/routes.ts";

export const data = { permalink: routes.tags(), eleventyExcludeFromCollections: true };

export function render(data: { newsroom: Newsroom; assets: Assets }): string {
  return renderTagIndex(data.newsroom.topics, data.assets);
}
