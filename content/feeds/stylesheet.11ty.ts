import { feedsStylesheet } from "../../src/feeds/stylesheet.ts";

export const data = {
  permalink: () => feedsStylesheet().path,
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return feedsStylesheet().content;
}
