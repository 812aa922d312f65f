import { renderShortLink } from "../layouts/simple.ts";
import type { Article } from "../src/article.ts";
import { routes } from "../src/routes.ts";

export const data = {
  pagination: { data: "newsroom.articles", size: 1, alias: "article" },
  permalink: (data: { article: Article }) => routes.short(data.article.code),
  eleventyExcludeFromCollections: true,
};

export function render(data: { article: Article }): string {
  return renderShortLink(data.article.code, data.article.url);
}
