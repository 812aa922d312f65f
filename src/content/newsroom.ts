/**
 * The newsroom: every published article and the indexes pages are made from, built once per build
 * in linear time (each index is one pass over the articles, never a search per page).
 */
import type { Article } from "../article.ts";
import { toJalali } from "../persian/jalali.ts";
import type { Section } from "../site.ts";
import type { Topic } from "../topics.ts";

export interface SectionListing {
  section: Section;
  articles: Article[];
}

export interface TopicListing {
  /** The topic under the name its newest article gives it. */
  topic: Topic;
  articles: Article[];
}

export interface ArchiveMonth {
  year: number;
  month: number;
  articles: Article[];
}

export interface ArchiveYear {
  year: number;
  /** Newest month first. */
  months: ArchiveMonth[];
  articles: Article[];
}

export interface Neighbours {
  /** The next older article in the same section. */
  older?: Article;
  /** The next newer article in the same section. */
  newer?: Article;
}

export interface Newsroom {
  /** Newest first; ties broken by news code so the order never depends on file order. */
  articles: Article[];
  /** In the order of the site's section list, empty sections included. */
  sections: SectionListing[];
  /** Most used first, then alphabetical. */
  topics: TopicListing[];
  /** Newest year first. */
  archive: ArchiveYear[];
  /** Up to `limit` articles sharing tags or the section, most shared first, then newest. */
  related(article: Article, limit?: number): Article[];
  neighbours(article: Article): Neighbours;
}

export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || b.code - a.code;
}

function groupBy<K, V = Article>(
  articles: readonly Article[],
  keysOf: (article: Article) => K[],
  init: (article: Article, key: K) => V,
): Map<K, { value: V; articles: Article[] }> {
  const groups = new Map<K, { value: V; articles: Article[] }>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const group = groups.get(key);
      if (group) group.articles.push(article);
      else groups.set(key, { value: init(article, key), articles: [article] });
    }
  }
  return groups;
}

const persianCollator = new Intl.Collator("fa");

function buildArchive(sorted: readonly Article[], timeZone: string): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const article of sorted) {
    const { year, month } = toJalali(article.date, timeZone);
    let archiveYear = years.at(-1);
    if (archiveYear?.year !== year) years.push((archiveYear = { year, months: [], articles: [] }));
    let archiveMonth = archiveYear.months.at(-1);
    if (archiveMonth?.month !== month)
      archiveYear.months.push((archiveMonth = { year, month, articles: [] }));
    archiveYear.articles.push(article);
    archiveMonth.articles.push(article);
  }
  return years;
}

// How many of a tag's (or section's) newest articles are considered for "related": enough for a
// good pick, and it keeps the work per article constant however large a topic grows.
const RELATED_CANDIDATES_PER_LIST = 24;

export function buildNewsroom(
  articles: readonly Article[],
  sections: readonly Section[],
  timeZone: string,
): Newsroom {
  const sorted = [...articles].sort(compareNewestFirst);
  const position = new Map(sorted.map((article, index) => [article, index]));

  const bySection = groupBy(
    sorted,
    (article) => [article.section.slug],
    (article) => article.section,
  );
  const sectionListings = sections.map((section) => ({
    section,
    articles: bySection.get(section.slug)?.articles ?? [],
  }));
  const sectionPosition = new Map<Article, number>();
  for (const listing of sectionListings)
    listing.articles.forEach((article, index) => sectionPosition.set(article, index));

  const byTopic = groupBy(
    sorted,
    (article) => article.tags.map((tag) => tag.slug),
    (article, slug) => article.tags.find((tag) => tag.slug === slug)!,
  );
  const topics = [...byTopic.values()]
    .map(({ value, articles: list }) => ({ topic: value, articles: list }))
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        persianCollator.compare(a.topic.name, b.topic.name) ||
        (a.topic.slug < b.topic.slug ? -1 : 1),
    );

  // Related articles, by numbers rather than objects: each list's newest candidates as positions
  // in `sorted` (made once per list), scores in an array stamped per article, so picking an
  // article's related items allocates next to nothing (profiled: with a Map of scores and a sort
  // per article it was 0.4–0.5 s of a 10,000-article build).
  const headPositions = new Map<readonly Article[], Int32Array>();
  const headOf = (list: readonly Article[]) => {
    let head = headPositions.get(list);
    if (!head) {
      head = Int32Array.from(list.slice(0, RELATED_CANDIDATES_PER_LIST + 1), (article) =>
        position.get(article)!,
      );
      headPositions.set(list, head);
    }
    return head;
  };
  const scores = new Float64Array(sorted.length);
  const scoredFor = new Int32Array(sorted.length).fill(-1);
  const pickRelated = (article: Article, limit: number): Article[] => {
    const self = position.get(article) ?? -1;
    const touched: number[] = [];
    const consider = (list: readonly Article[] | undefined, weight: number) => {
      if (!list) return;
      for (const candidate of headOf(list)) {
        if (candidate === self) continue;
        if (scoredFor[candidate] !== self) {
          scoredFor[candidate] = self;
          scores[candidate] = 0;
          touched.push(candidate);
        }
        scores[candidate]! += weight;
      }
    };
    for (const tag of article.tags) consider(byTopic.get(tag.slug)?.articles, 2);
    consider(bySection.get(article.section.slug)?.articles, 1);
    // Most shared first, then newest (the lower position): the best `limit` by insertion.
    const best: number[] = [];
    for (const candidate of touched) {
      let at = best.length;
      while (
        at > 0 &&
        (scores[best[at - 1]!]! < scores[candidate]! ||
          (scores[best[at - 1]!] === scores[candidate] && best[at - 1]! > candidate))
      )
        at--;
      if (at < limit) {
        best.splice(at, 0, candidate);
        if (best.length > limit) best.pop();
      }
    }
    return best.map((candidate) => sorted[candidate]!);
  };

  return {
    articles: sorted,
    sections: sectionListings,
    topics,
    archive: buildArchive(sorted, timeZone),
    related(article, limit = 5) {
      return pickRelated(article, limit);
    },
    neighbours(article) {
      const list = bySection.get(article.section.slug)?.articles ?? [];
      const index = sectionPosition.get(article);
      if (index === undefined) return {};
      return { newer: list[index - 1], older: list[index + 1] };
    },
  };
}
