import { renderArchiveIndex } from "../layouts/indexes.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { routes } from "../src/routes.ts";

export const data = { permalink: routes.archive(), eleventyExcludeFromCollections: true };

export function render(data: { newsroom: Newsroom; assets: Assets }): string {
  return renderArchiveIndex(data.newsroom.archive, data.assets);
}
