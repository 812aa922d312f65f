import { renderSection } from "../layouts/section.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { site, type Section } from "../src/site.ts";

export const data = {
  pagination: { data: "sections", size: 1, alias: "section" },
  sections: site.sections,
  permalink: (data: { section: Section }) => `/${data.section.slug}/`,
  eleventyExcludeFromCollections: true,
};

export function render(data: { section: Section; newsroom: Newsroom; assets: Assets }): string {
  const articles = data.newsroom.bySection.get(data.section.slug) ?? [];
  return renderSection(data.section, articles.slice(0, site.pageSize), data.assets);
}
