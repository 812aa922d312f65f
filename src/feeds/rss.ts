/**
 * RSS 2.0 with the content, atom and dc namespaces declared (eleventy-plugin-rss 3.0.0 forgets
 * `content:`), dates in RFC 822 with the Tehran offset.
 */
import { escapeHtml } from "../html.ts";
import { site } from "../site.ts";
import { toRfc822 } from "../time.ts";
import type { FeedDescription } from "./items.ts";

const xml = escapeHtml;

export function renderRss(feed: FeedDescription): string {
  const items = feed.items.map(
    (item) => `<item>
<title>${xml(item.title)}</title>
<link>${xml(item.url)}</link>
<guid isPermaLink="false">${xml(item.id)}</guid>
<pubDate>${toRfc822(item.published, site.timeZone)}</pubDate>
${item.author ? `<dc:creator>${xml(item.author)}</dc:creator>\n` : ""}<description>${xml(item.summary)}</description>
<content:encoded>${xml(item.contentHtml)}</content:encoded>
<category>${xml(item.section)}</category>
${item.tags.map((tag) => `<category>${xml(tag)}</category>\n`).join("")}</item>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(feed.title)}</title>
<link>${xml(feed.homeUrl)}</link>
<description>${xml(feed.description)}</description>
<language>${xml(feed.language)}</language>
<atom:link href="${xml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${feed.updated ? `<lastBuildDate>${toRfc822(feed.updated, site.timeZone)}</lastBuildDate>\n` : ""}${items.join("")}</channel>
</rss>
`;
}
