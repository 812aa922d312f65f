/**
 * One description of a feed and its items, from which every format is written (RSS, Atom, JSON
 * Feed), so they never disagree: the same text, the same ids, the same instants.
 */
import type { Article } from "../article.ts";
import { routes, type FeedFormat } from "../routes.ts";
import { site } from "../site.ts";
import { absoluteUrl } from "../urls.ts";
import { rtlFirst } from "./direction.ts";
import { articleFeedId, feedId } from "./identity.ts";
import { cleanFeedText, htmlText } from "./xml-text.ts";

export interface FeedItem {
  /** `urn:uuid:…` from the news code: never changes. */
  id: string;
  /** Absolute permanent URL of the article. */
  url: string;
  /** Plain text; starts right-to-left (see direction.ts). */
  title: string;
  /** Plain text: the lead; starts right-to-left. */
  summary: string;
  /** HTML with absolute URLs, wrapped in `dir="rtl" lang="fa-IR"`, opening with the lead. */
  contentHtml: string;
  published: Date;
  /** The newer of `modified` and `published`, made distinct across the site (see below). */
  updated: Date;
  /** True when the editor set `modified`: formats that only carry an update date then show `updated`. */
  modified: boolean;
  /** The section's name. */
  section: string;
  /** The tags' names, as written. */
  tags: string[];
  author?: string;
}

/** What a feed is about: the page it follows and how it introduces itself. */
export interface FeedChannel {
  /** Site path of the HTML page the feed follows (`/`, `/world/`, `/tags/<slug>/`). */
  pagePath: string;
  title: string;
  description: string;
}

export interface FeedDescription {
  /** Atom's feed id, from the page path. */
  id: string;
  title: string;
  description: string;
  language: string;
  pagePath: string;
  /** Absolute URL of the HTML page the feed follows. */
  homeUrl: string;
  /** Absolute URL of this feed in each format (the `self` links). */
  feedUrls: Record<FeedFormat, string>;
  /** The newest item's `updated`, never the clock, so two builds of one content are identical. */
  updated: Date;
  /** Newest first. */
  items: FeedItem[];
}

const FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

function contentHtml(article: Article): string {
  // The lead first, as its own paragraph: readers that drop `dir` take the direction of the whole
  // article from its first strong character, and the lead is Persian (or is made to start so).
  const lead = rtlFirst(cleanFeedText(article.lead));
  // Relative links and images are made absolute for feed readers, when the article is read.
  return cleanFeedText(
    `<div dir="${site.dir}" lang="${site.lang}"><p><strong>${htmlText(lead)}</strong></p>\n${article.feedHtml ?? article.html}</div>`,
  );
}

function toFeedItem(article: Article, updated: Date): FeedItem {
  const url = absoluteUrl(article.url);
  return {
    id: articleFeedId(article.code),
    url,
    title: rtlFirst(cleanFeedText(article.title)),
    summary: rtlFirst(cleanFeedText(article.lead)),
    contentHtml: contentHtml(article),
    published: article.date,
    updated,
    modified: article.modified !== undefined,
    section: article.section.name,
    tags: article.tags.map((tag) => cleanFeedText(tag.name)),
    author: cleanFeedText(article.author ?? "") || undefined,
  };
}

interface ItemIndex {
  updated: Map<Article, Date>;
  newest?: Date;
}

/**
 * Atom asks for `updated` to tell entries apart, and the W3C validator warns when two entries
 * share one (DuplicateUpdated). Articles dated by day alone all sit at midnight, so instants that
 * collide (to the second, as feeds write them) are moved apart by whole seconds, in news-code
 * order: the first keeps its time, the next gets one second more, and so on. A later article has
 * a higher code, so adding one never moves an earlier article's time. Pages still show the day.
 */
function distinctUpdateTimes(articles: readonly Article[]): Map<Article, Date> {
  const wanted = (article: Article) =>
    Math.floor(Math.max(article.date.getTime(), article.modified?.getTime() ?? -Infinity) / 1000) *
    1000;
  const ordered = articles
    .map((article) => ({ article, time: wanted(article) }))
    .sort((a, b) => a.time - b.time || a.article.code - b.article.code);
  const times = new Map<Article, Date>();
  let previous = -Infinity;
  for (const { article, time } of ordered) {
    const distinct = time > previous ? time : previous + 1000;
    times.set(article, new Date(distinct));
    previous = distinct;
  }
  return times;
}

const indexes = new WeakMap<readonly Article[], ItemIndex>();

function indexFor(siteArticles: readonly Article[]): ItemIndex {
  let index = indexes.get(siteArticles);
  if (!index) {
    const updated = distinctUpdateTimes(siteArticles);
    const newest = [...updated.values()].reduce<Date | undefined>(
      (max, date) => (!max || date > max ? date : max),
      undefined,
    );
    index = { updated, newest };
    indexes.set(siteArticles, index);
  }
  return index;
}

// Items are shared by every feed an article appears in (site, section, each tag, three formats):
// its Markdown is rendered once, not once per feed. They are kept per article (the loader keeps an
// unchanged file's Article), so a preview rebuild makes only the items of edited articles again;
// an item is made again too when its article's distinct `updated` instant moved.
const items = new WeakMap<Article, FeedItem>();

function itemFor(index: ItemIndex, article: Article): FeedItem {
  const updated = index.updated.get(article);
  if (!updated)
    throw new Error(
      `Article ${article.code} (${article.file}) is in a feed but not among the site's articles`,
    );
  let item = items.get(article);
  if (!item || item.updated.getTime() !== updated.getTime()) {
    item = toFeedItem(article, updated);
    items.set(article, item);
  }
  return item;
}

export interface DescribeOptions {
  /** Every published article of the site (newest first): `updated` instants are made distinct across it. */
  siteArticles?: readonly Article[];
  /** How many of the newest articles the feed carries. */
  limit?: number;
}

/**
 * The newest `limit` articles (already sorted newest first) as a feed. A feed with no items
 * (an empty section) is dated by the site's newest update, or 1970 on a site with no articles.
 */
export function describeFeed(
  channel: FeedChannel,
  articles: readonly Article[],
  options: DescribeOptions = {},
): FeedDescription {
  const { siteArticles = articles, limit = site.feedSize } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`a feed's size must be a whole number from 1, got ${limit}`);
  const index = indexFor(siteArticles);
  const items = articles.slice(0, limit).map((article) => itemFor(index, article));
  const updated = items.reduce<Date | undefined>(
    (max, item) => (!max || item.updated > max ? item.updated : max),
    undefined,
  );
  return {
    id: feedId(channel.pagePath),
    title: rtlFirst(cleanFeedText(channel.title)),
    description: rtlFirst(cleanFeedText(channel.description)),
    language: site.lang,
    pagePath: channel.pagePath,
    homeUrl: absoluteUrl(channel.pagePath),
    feedUrls: Object.fromEntries(
      FORMATS.map((format) => [format, absoluteUrl(routes.feed(channel.pagePath, format))]),
    ) as Record<FeedFormat, string>,
    updated: updated ?? index.newest ?? new Date(0),
    items,
  };
}
