import { renderArchiveYear } from "../layouts/indexes.ts";
import type { Assets } from "../src/assets.ts";
import type { ArchiveYear } from "../src/content/newsroom.ts";
import { routes } from "../src/routes.ts";

export const data = {
  pagination: { data: "newsroom.archive", size: 1, alias: "year" },
  permalink: (data: { year: ArchiveYear }) => routes.archiveYear(data.year.year),
  eleventyExcludeFromCollections: true,
};

export function render(data: { year: ArchiveYear; assets: Assets }): string {
  return renderArchiveYear(data.year, data.assets);
}
