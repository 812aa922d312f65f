import { renderArticle } from "../layouts/article.ts";
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";

export const data = {
  pagination: { data: "newsroom.articles", size: 1, alias: "article" },
  permalink: (data: { article: Article }) => data.article.url,
  eleventyExcludeFromCollections: true,
};

export function render(data: { article: Article; assets: Assets; newsroom: Newsroom }): string {
  return renderArticle(data.article, data.assets, data.newsroom);
}
