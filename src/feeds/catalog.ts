/**
 * Every feed the site publishes: the whole site, each section (سرویس) and each tag, each in
 * three formats at URLs that follow its page (`/world/` → `/world/feed.xml`, `/world/atom.xml`,
 * `/world/feed.json`). The feed templates, the subscribe page and the tests all read this list.
 */
import type { Article } from "../article.ts";
import type { Newsroom } from "../content/newsroom.ts";
import { routes, type FeedFormat } from "../routes.ts";
import { site } from "../site.ts";
import { describeFeed, type FeedChannel, type FeedDescription } from "./items.ts";

export type FeedKind = "site" | "section" | "topic";

export interface FeedSource extends FeedChannel {
  kind: FeedKind;
  /** The section's or tag's name (the site's name for the site feed), for lists of feeds. */
  name: string;
  /** Newest first; the feed carries the newest `site.feedSize`. */
  articles: readonly Article[];
}

/** The name readers see for each format. */
export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = {
  rss: "RSS",
  atom: "Atom",
  json: "JSON Feed",
};

export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

/** A feed's title: the section's or tag's name first (Persian first, for the reader's direction). */
export function feedTitle(name: string): string {
  return `${name} | ${site.name}`;
}

/** Site, then sections in the site's order, then tags (most used first). */
export function feedSources(newsroom: Newsroom): FeedSource[] {
  const sources: FeedSource[] = [
    {
      kind: "site",
      name: site.name,
      pagePath: routes.home(),
      title: site.name,
      description: site.description,
      articles: newsroom.articles,
    },
  ];
  for (const { section, articles } of newsroom.sections) {
    sources.push({
      kind: "section",
      name: section.name,
      pagePath: routes.section(section),
      title: feedTitle(section.name),
      description: `تازه‌ترین خبرهای سرویس ${section.name} در ${site.name}`,
      articles,
    });
  }
  for (const { topic, articles } of newsroom.topics) {
    sources.push({
      kind: "topic",
      name: topic.name,
      pagePath: routes.topic(topic),
      title: feedTitle(topic.name),
      description: `خبرهای «${topic.name}» در ${site.name}`,
      articles,
    });
  }
  return sources;
}

/** A source's feed, with `updated` instants made distinct across the whole site. */
export function describeSource(source: FeedSource, newsroom: Newsroom): FeedDescription {
  return describeFeed(source, source.articles, {
    siteArticles: newsroom.articles,
    limit: site.feedSize,
  });
}
