/**
 * Index pages: the Jalali archive (all years, one year) and the list of every tag.
 */
import type { Assets } from "../src/assets.ts";
import type { ArchiveYear, TopicListing } from "../src/content/newsroom.ts";
import { isolateLatin } from "../src/bidi.ts";
import { html } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { jalaliMonthName } from "../src/persian/jalali.ts";
import { routes } from "../src/routes.ts";
import { breadcrumbList } from "../src/seo/json-ld.ts";
import { jsonLdScripts } from "../src/seo/meta.ts";
import { site } from "../src/site.ts";
import { sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";
import { breadcrumbNav } from "./partials.ts";

const home = { name: site.name, path: routes.home() };
const archiveCrumb = { name: "بایگانی", path: routes.archive() };

function count(n: number): string {
  return `${toPersianDigits(n)} خبر`;
}

function monthList(year: ArchiveYear) {
  return html`<ul class="index-list">${year.months.map(
    (month) =>
      html`<li><a href="${sitePath(routes.archiveMonth(month.year, month.month))}">${jalaliMonthName(month.month)} ${toPersianDigits(month.year)}</a> <span>${count(month.articles.length)}</span></li>`,
  )}</ul>`;
}

export function renderArchiveIndex(archive: readonly ArchiveYear[], assets: Assets): string {
  const crumbs = [home, archiveCrumb];
  const body = html`${breadcrumbNav(crumbs)}
<h1>بایگانی خبرها</h1>
${
  archive.length
    ? archive.map(
        (year) => html`<section aria-labelledby="${`year-${year.year}`}">
<h2 id="${`year-${year.year}`}"><a href="${sitePath(routes.archiveYear(year.year))}">${toPersianDigits(year.year)}</a> <span class="count">${count(year.articles.length)}</span></h2>
${monthList(year)}
</section>`,
      )
    : html`<p>هنوز خبری منتشر نشده است.</p>`
}`;
  return renderPage({
    path: routes.archive(),
    title: "بایگانی",
    description: `بایگانی خبرهای ${site.name} به تقویم خورشیدی`,
    body,
    assets,
    head: jsonLdScripts([breadcrumbList(crumbs)]),
  });
}

export function renderArchiveYear(year: ArchiveYear, assets: Assets): string {
  const path = routes.archiveYear(year.year);
  const crumbs = [home, archiveCrumb, { name: toPersianDigits(year.year), path }];
  const body = html`${breadcrumbNav(crumbs)}
<h1>بایگانی سال ${toPersianDigits(year.year)}</h1>
${monthList(year)}`;
  return renderPage({
    path,
    title: `بایگانی ${toPersianDigits(year.year)}`,
    description: `خبرهای سال ${toPersianDigits(year.year)} در ${site.name}`,
    body,
    assets,
    head: jsonLdScripts([breadcrumbList(crumbs)]),
  });
}

export function renderTagIndex(topics: readonly TopicListing[], assets: Assets): string {
  const crumbs = [home, { name: "برچسب‌ها", path: routes.tags() }];
  const body = html`${breadcrumbNav(crumbs)}
<h1>برچسب‌ها</h1>
${
  topics.length
    ? html`<ul class="index-list">${topics.map(({ topic, articles }) => html`<li><a href="${sitePath(routes.topic(topic))}">${isolateLatin(topic.name)}</a> <span>${count(articles.length)}</span></li>`)}</ul>`
    : html`<p>هنوز برچسبی نیست.</p>`
}`;
  return renderPage({
    path: routes.tags(),
    title: "برچسب‌ها",
    description: `همه برچسب‌های خبرهای ${site.name}`,
    body,
    assets,
    head: jsonLdScripts([breadcrumbList(crumbs)]),
  });
}
