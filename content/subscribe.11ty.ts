import { renderSubscribe } from "../layouts/subscribe.ts";
import type { Assets } from "../src/assets.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { feedSources } from "../src/feeds/catalog.ts";
import { feedsStylesheet } from "../src/feeds/stylesheet.ts";
import { routes } from "../src/routes.ts";

export const data = { permalink: routes.subscribe(), eleventyExcludeFromCollections: true };

export function render(data: { newsroom: Newsroom; assets: Assets }): string {
  return renderSubscribe(feedSources(data.newsroom), feedsStylesheet(), data.assets);
}
