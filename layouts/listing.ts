/**
 * Every list of articles: the home page, sections, topics and archive months, paginated.
 */
import type { Assets } from "../src/assets.ts";
import type { ListingPage } from "../src/content/listings.ts";
import { isolateLatin } from "../src/bidi.ts";
import { html } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { breadcrumbList, homeGraph } from "../src/seo/json-ld.ts";
import { jsonLdScripts, socialMeta } from "../src/seo/meta.ts";
import { site } from "../src/site.ts";
import { renderPage } from "./base.ts";
import { feedLinksList } from "./feed-links.ts";
import { articleList, breadcrumbNav, paginationLinks, paginationNav } from "./partials.ts";

const EMPTY: Record<ListingPage["kind"], string> = {
  home: "هنوز خبری منتشر نشده است.",
  section: "هنوز خبری در این سرویس منتشر نشده است.",
  topic: "هنوز خبری با این برچسب منتشر نشده است.",
  "archive-month": "در این ماه خبری منتشر نشده است.",
};

export function renderListing(listing: ListingPage, assets: Assets): string {
  const isHome = listing.kind === "home";
  const pageSuffix = listing.page > 1 ? ` — صفحه ${toPersianDigits(listing.page)}` : "";
  const heading = `${listing.heading}${pageSuffix}`;
  const title =
    isHome && listing.page === 1 ? undefined : isHome ? `${site.name}${pageSuffix}` : heading;
  const structured = isHome
    ? listing.page === 1
      ? [homeGraph()]
      : []
    : [breadcrumbList(listing.breadcrumbs)];
  const body = html`${isHome ? "" : breadcrumbNav(listing.breadcrumbs)}
<h1${isHome ? html` class="visually-hidden"` : ""}>${isolateLatin(heading)}</h1>
${listing.feedsFor ? html`<nav class="page-feeds" aria-label="${`خبرخوان ${listing.heading}`}"><span>خبرخوان:</span> ${feedLinksList(listing.feedsFor)}</nav>` : ""}
${articleList(listing.articles, EMPTY[listing.kind])}
${paginationNav(listing)}`;
  return renderPage({
    path: listing.path,
    title,
    description: listing.description,
    body,
    assets,
    feeds: listing.feedsFor ? { pagePath: listing.feedsFor, title: listing.heading } : undefined,
    head: html`${paginationLinks(listing)}${socialMeta({ path: listing.path, title: title ?? site.name, description: listing.description, type: "website" })}${jsonLdScripts(structured)}`,
  });
}
