import { renderArticle } from "../layouts/article.ts";
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";

interface ArticlePageData {
  article: Article;
  assets: Assets;
  newsroom: Newsroom;
}

export const data = {
  pagination: { data: "newsroom.articles", size: 1, alias: "article" },
  permalink: (data: { article: Article }) => data.article.url,
  eleventyExcludeFromCollections: true,
};

/**
 * What an article page shows besides the article: its related articles and its neighbours in the
 * section (their titles and links), and the fingerprinted assets. The loader keeps an unchanged
 * file's Article object, so a preview rebuild renders only the pages these changed for
 * (src/streamed-pages.ts).
 */
export function dependencies({ article, assets, newsroom }: ArticlePageData): unknown[] {
  const { newer, older } = newsroom.neighbours(article);
  return [
    article,
    assets.css.path,
    ...assets.fonts.map((font) => font.path),
    ...newsroom.related(article),
    newer,
    older,
  ];
}

export function render(data: ArticlePageData): string {
  return renderArticle(data.article, data.assets, data.newsroom);
}
