/**
 * A feed description written in one of the three formats.
 */
import type { FeedFormat } from "../routes.ts";
import { renderAtom } from "./atom.ts";
import type { FeedDescription } from "./items.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { renderRss } from "./rss.ts";

const RENDERERS: Record<FeedFormat, (feed: FeedDescription) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

export function renderFeed(format: FeedFormat, feed: FeedDescription): string {
  const renderer = RENDERERS[format];
  if (!renderer)
    throw new Error(
      `Unknown feed format ${JSON.stringify(format)}: expected one of ${Object.keys(RENDERERS).join(", ")}`,
    );
  return renderer(feed);
}
