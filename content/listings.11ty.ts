import { renderListing } from "../layouts/listing.ts";
import type { Assets } from "../src/assets.ts";
import type { ListingPage } from "../src/content/listings.ts";

// Home, section, topic and archive-month pages: one template, one pass (src/content/listings.ts).
export const data = {
  pagination: { data: "newsroom.listings", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }) => data.listing.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: { listing: ListingPage; assets: Assets }): string {
  return renderListing(data.listing, data.assets);
}
