import type { Newsroom } from "../../src/content/newsroom.ts";
import {
  describeSource,
  FEED_FORMATS,
  feedSources,
  type FeedSource,
} from "../../src/feeds/catalog.ts";
import { renderFeed } from "../../src/feeds/render.ts";
import { routes, type FeedFormat } from "../../src/routes.ts";

interface FeedPage {
  source: FeedSource;
  format: FeedFormat;
}

// Every feed of the site in every format (src/feeds/catalog.ts): the site's, each section's and
// each tag's, at the URL that follows its page.
export const data = {
  pagination: {
    data: "newsroom.sections",
    size: 1,
    alias: "feed",
    before: (_sections: unknown[], data: { newsroom: Newsroom }): FeedPage[] =>
      feedSources(data.newsroom).flatMap((source) =>
        FEED_FORMATS.map((format) => ({ source, format })),
      ),
  },
  permalink: (data: { feed: FeedPage }) => routes.feed(data.feed.source.pagePath, data.feed.format),
  eleventyExcludeFromCollections: true,
};

export function render(data: { feed: FeedPage; newsroom: Newsroom }): string {
  return renderFeed(data.feed.format, describeSource(data.feed.source, data.newsroom));
}
