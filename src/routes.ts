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

export const routes = {
  home: (page = 1) => paged("/", page),
  article: (code: number) => `/news/${code}/`,
  /** The short link that redirects to the article. */
  short: (code: number) => `/n/${code}/`,
  section: (section: Section, page = 1) => paged(`/${section.slug}/`, page),
  tags: () => "/tags/",
  topic: (topic: Pick<Topic, "slug">, page = 1) => paged(`/tags/${topic.slug}/`, page),
  archive: () => "/archive/",
  archiveYear: (year: number) => `/archive/${year}/`,
  archiveMonth: (year: number, month: number) =>
    `/archive/${year}/${String(month).padStart(2, "0")}/`,
  /** A feed that follows a page: `/world/` → `/world/feed.xml`. */
  feed: (pagePath: string, format: FeedFormat = "rss") => `${pagePath}${FEED_FILES[format]}`,
  subscribe: () => "/subscribe/",
  search: () => "/search/",
  about: () => "/about/",
};
