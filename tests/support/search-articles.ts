/**
 * The articles the search index's tests index: the search fixtures and the newsroom's published
 * articles, as the index worker gets them (`SearchArticle`).
 */
import path from "node:path";
import { loadArticles } from "../../src/content/load-articles.ts";
import { toSearchArticle, type SearchArticle } from "../../src/search/records.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export function searchFixtureArticles(): SearchArticle[] {
  return [
    ...loadArticles({ dir: path.join(ROOT, "tests/fixtures/search"), root: ROOT }),
    ...loadArticles({ dir: path.join(ROOT, "tests/fixtures/newsroom"), root: ROOT }).filter(
      (article) => !article.draft,
    ),
  ].map(toSearchArticle);
}
