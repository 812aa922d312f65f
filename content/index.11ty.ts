import { renderHome } from "../layouts/home.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { site } from "../src/site.ts";

export const data = { permalink: "/index.html" };

export function render(data: { newsroom: Newsroom; assets: Assets }): string {
  return renderHome(data.newsroom.articles.slice(0, site.pageSize), data.assets);
}
