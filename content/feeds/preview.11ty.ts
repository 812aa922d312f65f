import type { Assets } from "../../src/assets.ts";
import { FEED_PREVIEW_PATH, renderFeedPreviewStylesheet } from "../../src/feeds/preview.ts";
import { feedsStylesheet } from "../../src/feeds/stylesheet.ts";

// The XSLT stylesheet that shows /feed.xml and /atom.xml as a Persian page in a browser.
export const data = { permalink: FEED_PREVIEW_PATH, eleventyExcludeFromCollections: true };

export function render(data: { assets: Assets }): string {
  return renderFeedPreviewStylesheet({
    stylesheets: [data.assets.css.path, feedsStylesheet().path],
  });
}
