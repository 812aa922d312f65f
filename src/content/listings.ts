/**
 * Every paginated list page of the site (home, sections, topics, archive months) as plain data,
 * so one Eleventy template can write them all and tests can reason about them without HTML.
 */
import type { Article } from "../article.ts";
import { formatJalaliMonth } from "../persian/jalali.ts";
import { toPersianDigits } from "../persian/digits.ts";
import { routes } from "../routes.ts";
import { site } from "../site.ts";
import type { Newsroom } from "./newsroom.ts";

export type ListingKind = "home" | "section" | "topic" | "archive-month";

export interface Crumb {
  name: string;
  path: string;
}

export interface ListingPage {
  kind: ListingKind;
  /** This page's site path. */
  path: string;
  /** The heading; for later pages the page number is added by the layout. */
  heading: string;
  description: string;
  articles: Article[];
  /** 1-based. */
  page: number;
  pages: number;
  previousPath?: string;
  nextPath?: string;
  /** The page path whose feeds this listing advertises (sections and topics). */
  feedsFor?: string;
  breadcrumbs: Crumb[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

type ListingBase = Omit<
  ListingPage,
  "path" | "articles" | "page" | "pages" | "previousPath" | "nextPath"
>;

function paginate(
  base: ListingBase,
  articles: readonly Article[],
  pathOf: (page: number) => string,
  pageSize: number,
): ListingPage[] {
  const chunks = chunk(articles, pageSize);
  return chunks.map((pageArticles, index) => ({
    ...base,
    path: pathOf(index + 1),
    articles: pageArticles,
    page: index + 1,
    pages: chunks.length,
    previousPath: index > 0 ? pathOf(index) : undefined,
    nextPath: index + 1 < chunks.length ? pathOf(index + 2) : undefined,
  }));
}

const home: Crumb = { name: site.name, path: routes.home() };

/** Every list page, home first. */
export function listingPages(newsroom: Newsroom, pageSize = site.pageSize): ListingPage[] {
  const pages: ListingPage[] = [];
  pages.push(
    ...paginate(
      {
        kind: "home",
        heading: "تازه‌ترین خبرها",
        description: site.description,
        breadcrumbs: [home],
      },
      newsroom.articles,
      (page) => routes.home(page),
      pageSize,
    ),
  );
  for (const { section, articles } of newsroom.sections) {
    const path = routes.section(section);
    pages.push(
      ...paginate(
        {
          kind: "section",
          heading: section.name,
          description: `تازه‌ترین خبرهای سرویس ${section.name} در ${site.name}`,
          feedsFor: path,
          breadcrumbs: [home, { name: section.name, path }],
        },
        articles,
        (page) => routes.section(section, page),
        pageSize,
      ),
    );
  }
  for (const { topic, articles } of newsroom.topics) {
    const path = routes.topic(topic);
    pages.push(
      ...paginate(
        {
          kind: "topic",
          heading: topic.name,
          description: `خبرهای «${topic.name}» در ${site.name}`,
          feedsFor: path,
          breadcrumbs: [
            home,
            { name: "برچسب‌ها", path: routes.tags() },
            { name: topic.name, path },
          ],
        },
        articles,
        (page) => routes.topic(topic, page),
        pageSize,
      ),
    );
  }
  for (const year of newsroom.archive) {
    for (const month of year.months) {
      const name = formatJalaliMonth(month.year, month.month);
      const path = routes.archiveMonth(month.year, month.month);
      pages.push({
        kind: "archive-month",
        heading: `بایگانی ${name}`,
        description: `همه خبرهای ${name} در ${site.name}`,
        breadcrumbs: [
          home,
          { name: "بایگانی", path: routes.archive() },
          { name: toPersianDigits(month.year), path: routes.archiveYear(month.year) },
          { name, path },
        ],
        path,
        articles: month.articles,
        page: 1,
        pages: 1,
      });
    }
  }
  return pages;
}
