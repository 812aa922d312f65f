/**
 * Every site path in one place. Paths are raw (Persian letters unescaped) and site-relative:
 * Eleventy writes them as folders; `sitePath()`/`absoluteUrl()` in src/urls.ts prefix and encode.
 */
import type { Topic } from "./topics.ts";
import type { Section } from "./site.ts";

export type FeedFormat = "rss" | "atom" | "json";

const FEED_FILES: Record<FeedFormat, string> = {
  rss: "feed.xml",
  atom: "atom.xml",
  json: "feed.json",
};

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

function paged(base: string, page: number): string {
  if (!Number.isInteger(page) || page < 1)
    throw new RangeError(`page must be a whole number from 1, got ${page}`);
  return page === 1 ? base : `${base}page/${page}/`;
}

/**
 * `make`, remembered by key: the same key gives the same string, not an equal one made again.
 * `sitePath()` and `absoluteUrl()` (src/urls.ts) remember their answers by path, and a path made
 * anew is a new string, hashed anew at every lookup: the sections in every page's navigation,
 * each article's topics and month (profiled at 10,000 articles: `sitePath` was 99 ms of the
 * article pages' 1.45 s).
 */
function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

const articlePath = remembered((code: number) => `/news/${code}/`);
const shortPath = remembered((code: number) => `/n/${code}/`);
const sectionPath = remembered((slug: string) => `/${slug}/`);
const topicPath = remembered((slug: string) => `/tags/${slug}/`);
const archiveYearPath = remembered((year: number) => `/archive/${year}/`);
// Keyed by the year's and the month's number together: 1402 and 9 → 140209.
const archiveMonthPath = remembered(
  (yearMonth: number) =>
    `/archive/${Math.floor(yearMonth / 100)}/${String(yearMonth % 100).padStart(2, "0")}/`,
);
const feedPaths = {
  rss: remembered((pagePath: string) => `${pagePath}${FEED_FILES.rss}`),
  atom: remembered((pagePath: string) => `${pagePath}${FEED_FILES.atom}`),
  json: remembered((pagePath: string) => `${pagePath}${FEED_FILES.json}`),
} satisfies Record<FeedFormat, (pagePath: string) => string>;

export const routes = {
  home: (page = 1) => paged("/", page),
  article: (code: number) => articlePath(code),
  /** The short link that redirects to the article. */
  short: (code: number) => shortPath(code),
  section: (section: Section, page = 1) => paged(sectionPath(section.slug), page),
  tags: () => "/tags/",
  topic: (topic: Pick<Topic, "slug">, page = 1) => paged(topicPath(topic.slug), page),
  archive: () => "/archive/",
  archiveYear: (year: number) => archiveYearPath(year),
  archiveMonth: (year: number, month: number) => {
    if (!Number.isInteger(year) || year < 1)
      throw new RangeError(`an archive's year must be a whole number from 1, got ${year}`);
    if (!Number.isInteger(month) || month < 1 || month > 12)
      throw new RangeError(`an archive's month must be a whole number from 1 to 12, got ${month}`);
    return archiveMonthPath(year * 100 + month);
  },
  /** A feed that follows a page: `/world/` → `/world/feed.xml`. */
  feed: (pagePath: string, format: FeedFormat = "rss") => {
    const path = Object.hasOwn(feedPaths, format) ? feedPaths[format] : undefined;
    if (!path)
      throw new RangeError(
        `a feed's format must be one of ${Object.keys(FEED_FILES).join(", ")}, got ${JSON.stringify(format)}`,
      );
    return path(pagePath);
  },
  subscribe: () => "/subscribe/",
  search: () => "/search/",
  about: () => "/about/",
};
