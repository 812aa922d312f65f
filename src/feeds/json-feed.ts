/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `title` and `summary` are plain text, never
 * HTML-escaped; `content_html` is HTML; dates are RFC 3339 with the Tehran offset.
 */
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { absoluteUrl } from "../urls.ts";
import type { FeedDescription, FeedItem } from "./items.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface JsonFeedAuthor {
  name: string;
  url?: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  tags: string[];
  authors?: JsonFeedAuthor[];
  language: string;
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  favicon: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

const date = (value: Date) => toIsoWithOffset(value, site.timeZone);

function toJsonItem(item: FeedItem, language: string): JsonFeedItem {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    content_html: item.contentHtml,
    date_published: date(item.published),
    ...(item.modified ? { date_modified: date(item.updated) } : {}),
    tags: [item.section, ...item.tags],
    ...(item.author ? { authors: [{ name: item.author }] } : {}),
    language,
  };
}

// An item is the same in every feed it appears in (site, section, tags), which all share one
// language: serialised once per build, and again only for a feed in another language.
const serialized = new WeakMap<FeedItem, { language: string; json: string }>();

function serializeItem(item: FeedItem, language: string): string {
  let known = serialized.get(item);
  if (known?.language !== language) {
    known = { language, json: JSON.stringify(toJsonItem(item, language)) };
    serialized.set(item, known);
  }
  return known.json;
}

export function renderJsonFeed(feed: FeedDescription): string {
  const json: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    favicon: absoluteUrl("/icon.svg"),
    authors: [{ name: site.name, url: absoluteUrl("/") }],
    items: [],
  };
  // `items` is the last member: the feed's JSON with its items spliced in, as JSON.stringify
  // would write them.
  const head = JSON.stringify(json).slice(0, -"[]}".length);
  return `${head}[${feed.items.map((item) => serializeItem(item, feed.language)).join(",")}]}\n`;
}
