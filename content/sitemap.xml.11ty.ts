import type { Newsroom } from "../src/content/newsroom.ts";
import type { ListingPage } from "../src/content/listings.ts";
import { escapeHtml } from "../src/html.ts";
import { routes } from "../src/routes.ts";
import { site } from "../src/site.ts";
import { toIsoWithOffset } from "../src/time.ts";
import { absoluteUrl } from "../src/urls.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

function entry(path: string, lastmod?: Date): string {
  return `<url><loc>${escapeHtml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${toIsoWithOffset(lastmod, site.timeZone)}</lastmod>` : ""}</url>\n`;
}

/** A listing's lastmod: its newest article's last change. */
function newest(listing: ListingPage): Date | undefined {
  return listing.articles.reduce<Date | undefined>((latest, article) => {
    const changed = article.modified ?? article.date;
    return !latest || changed > latest ? changed : latest;
  }, undefined);
}

export function render(data: { newsroom: Newsroom & { listings: ListingPage[] } }): string {
  const { newsroom } = data;
  const entries = [
    ...newsroom.articles.map((article) => entry(article.url, article.modified ?? article.date)),
    ...newsroom.listings.map((listing) => entry(listing.path, newest(listing))),
    ...newsroom.archive.map((year) => entry(routes.archiveYear(year.year))),
    entry(routes.archive()),
    entry(routes.tags()),
    entry(routes.about()),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join("")}</urlset>
`;
}
