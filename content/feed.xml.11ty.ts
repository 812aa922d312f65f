import type { Newsroom } from "../src/content/newsroom.ts";
import { describeFeed } from "../src/feeds/items.ts";
import { renderRss } from "../src/feeds/rss.ts";
import { site } from "../src/site.ts";
import { absoluteUrl } from "../src/urls.ts";

export const data = { permalink: "/feed.xml", eleventyExcludeFromCollections: true };

export function render(data: { newsroom: Newsroom }): string {
  const feed = describeFeed(
    { title: site.name, description: site.description, homeUrl: absoluteUrl("/"), selfUrl: absoluteUrl("/feed.xml"), language: site.lang },
    data.newsroom.articles,
    site.feedSize,
  );
  return renderRss(feed);
}
