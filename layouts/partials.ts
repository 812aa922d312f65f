/**
 * Small pieces several layouts share.
 */
import type { Article } from "../src/article.ts";
import { isolateLatin } from "../src/bidi.ts";
import type { Crumb, ListingPage } from "../src/content/listings.ts";
import { html, type SafeHtml } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { formatJalaliDate, formatPersianTime, toJalali } from "../src/persian/jalali.ts";
import { routes } from "../src/routes.ts";
import { site } from "../src/site.ts";
import { toIsoWithOffset } from "../src/time.ts";
import { sitePath } from "../src/urls.ts";

/** The machine-readable value of a `<time>`: the day alone when the editor gave no time of day. */
export function datetimeAttribute(date: Date, hasTime: boolean): string {
  const iso = toIsoWithOffset(date, site.timeZone);
  return hasTime ? iso : iso.slice(0, 10);
}

/** «پنج‌شنبه ۱۳ آذر ۱۳۹۹» (and «، ساعت ۰۹:۳۰» when the time is known) in a `<time>`. */
export function publishedTime(date: Date, hasTime: boolean): SafeHtml {
  const text = hasTime
    ? `${formatJalaliDate(date, site.timeZone)}، ساعت ${formatPersianTime(date, site.timeZone)}`
    : formatJalaliDate(date, site.timeZone);
  return html`<time datetime="${datetimeAttribute(date, hasTime)}">${text}</time>`;
}

/** The publication date, linked to its month in the Jalali archive. */
export function archiveDateLink(date: Date, hasTime: boolean): SafeHtml {
  const { year, month } = toJalali(date, site.timeZone);
  return html`<a href="${sitePath(routes.archiveMonth(year, month))}">${publishedTime(date, hasTime)}</a>`;
}

// An article is listed on many pages (home, its section, each of its topics, its month), and its
// date goes through Intl, the build's hottest call: render each item once per build (profiled:
// 3.8 s of a 10,000-article build went here). Articles are immutable and the path prefix is fixed
// per process, so the item can only change when this module is reloaded.
const listItems = new WeakMap<Article, SafeHtml>();

export function articleListItem(article: Article): SafeHtml {
  let item = listItems.get(article);
  if (!item) listItems.set(article, (item = renderListItem(article)));
  return item;
}

function renderListItem(article: Article): SafeHtml {
  return html`<li>
<article>
${article.surtitle ? html`<p class="surtitle">${isolateLatin(article.surtitle)}</p>` : ""}<h2><a href="${sitePath(article.url)}">${isolateLatin(article.title)}</a></h2>
<p>${isolateLatin(article.lead)}</p>
<p class="list-meta"><a href="${sitePath(routes.section(article.section))}">${article.section.name}</a> ${publishedTime(article.date, article.hasTime)}</p>
</article>
</li>`;
}

export function articleList(articles: readonly Article[], empty: string): SafeHtml {
  return articles.length
    ? html`<ol class="article-list">${articles.map(articleListItem)}</ol>`
    : html`<p>${empty}</p>`;
}

/** «صفحه ۲ از ۵» with previous/next links; nothing for a single page. */
export function paginationNav(listing: ListingPage): SafeHtml {
  if (listing.pages < 2) return html``;
  return html`<nav class="pagination" aria-label="صفحه‌ها">
${listing.previousPath ? html`<a rel="prev" href="${sitePath(listing.previousPath)}">صفحه قبل</a>` : ""}
<span>صفحه ${toPersianDigits(listing.page)} از ${toPersianDigits(listing.pages)}</span>
${listing.nextPath ? html`<a rel="next" href="${sitePath(listing.nextPath)}">صفحه بعد</a>` : ""}
</nav>`;
}

/** `<link rel="prev|next">` for the head of a paginated page. */
export function paginationLinks(listing: ListingPage): SafeHtml {
  return html`${listing.previousPath ? html`<link rel="prev" href="${sitePath(listing.previousPath)}">\n` : ""}${listing.nextPath ? html`<link rel="next" href="${sitePath(listing.nextPath)}">\n` : ""}`;
}

export function breadcrumbNav(crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="مسیر صفحه"><ol>${crumbs.map((crumb, index) =>
    index === crumbs.length - 1
      ? html`<li><span aria-current="page">${isolateLatin(crumb.name)}</span></li>`
      : html`<li><a href="${sitePath(crumb.path)}">${isolateLatin(crumb.name)}</a></li>`,
  )}</ol></nav>`;
}
