/**
 * The newsroom: every published article and the indexes pages are made from, built once per build
 * in linear time (each index is one pass over the articles, never a search per page).
 */
import type { Article } from "../article.ts";
import type { Section } from "../site.ts";

export interface Newsroom {
  /** Newest first; ties broken by news code so the order never depends on file order. */
  articles: Article[];
  bySection: Map<string, Article[]>;
}

export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || b.code - a.code;
}

function groupBy<K>(articles: Article[], keysOf: (article: Article) => K[]): Map<K, Article[]> {
  const groups = new Map<K, Article[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}

export function buildNewsroom(articles: readonly Article[], sections: readonly Section[]): Newsroom {
  const sorted = [...articles].sort(compareNewestFirst);
  const bySection = groupBy(sorted, (article) => [article.section.slug]);
  for (const section of sections) if (!bySection.has(section.slug)) bySection.set(section.slug, []);
  return { articles: sorted, bySection };
}
