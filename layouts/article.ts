/**
 * The article page: روتیتر، تیتر، لید، سرویس، کد خبر، تاریخ، منبع، متن، برچسب‌ها، اشتراک، مرتبط.
 */
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import { isolateLatin, ltr } from "../src/bidi.ts";
import type { Newsroom } from "../src/content/newsroom.ts";
import { html, raw, type SafeHtml } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { formatGregorianDate } from "../src/persian/jalali.ts";
import { routes } from "../src/routes.ts";
import { breadcrumbList, newsArticle } from "../src/seo/json-ld.ts";
import { jsonLdScripts, socialMeta } from "../src/seo/meta.ts";
import { shareLinks } from "../src/share.ts";
import { site } from "../src/site.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";
import { archiveDateLink, publishedTime } from "./partials.ts";

/** «به گزارش آران نیوز به نقل از خبرگزاری دولتی» */
export function sourceLine(article: Pick<Article, "source" | "quoting">): string | undefined {
  if (!article.source) return undefined;
  return article.quoting
    ? `منبع: ${article.source} به نقل از ${article.quoting}`
    : `منبع: ${article.source}`;
}

function crumbs(article: Article) {
  return [
    { name: site.name, path: routes.home() },
    { name: article.section.name, path: routes.section(article.section) },
    { name: article.title, path: article.url },
  ];
}

function meta(article: Article): SafeHtml {
  const source = sourceLine(article);
  return html`<div class="meta">
<p><a href="${sitePath(routes.section(article.section))}">${article.section.name}</a>
<span class="code">کد خبر: ${toPersianDigits(article.code)}</span>
<span>زمان مطالعه: ${toPersianDigits(article.readingMinutes)} دقیقه</span></p>
<p>${archiveDateLink(article.date, article.hasTime)}
<span class="gregorian">${formatGregorianDate(article.date, site.timeZone)}</span>
${article.modified ? html`<span class="updated">به‌روزرسانی: ${publishedTime(article.modified, true)}</span>` : ""}</p>
${
  source || article.author
    ? html`<p>${source ? html`<span class="source">${isolateLatin(source)}</span>` : ""}
${article.author ? html`<span class="author">نویسنده: ${isolateLatin(article.author)}</span>` : ""}</p>`
    : ""
}
</div>`;
}

function share(article: Article): SafeHtml {
  const shortUrl = absoluteUrl(routes.short(article.code));
  return html`<section class="share no-print" aria-labelledby="share-title">
<h2 id="share-title">هم‌رسانی</h2>
<ul>${shareLinks(article.title, absoluteUrl(article.url)).map((link) => html`<li><a href="${link.href}" rel="noopener noreferrer">${link.name}</a></li>`)}</ul>
<label for="short-link">پیوند کوتاه</label>
<input id="short-link" class="short-link" type="url" value="${shortUrl}" readonly dir="ltr">
</section>`;
}

// An article's title is linked from the pages of about seven others (five related, two
// neighbours): its path and isolated title are made once per build, as its list item is
// (layouts/partials.ts).
const linkParts = new WeakMap<Article, { href: string; title: SafeHtml }>();

function linkTo(article: Article): { href: string; title: SafeHtml } {
  let parts = linkParts.get(article);
  if (!parts)
    linkParts.set(
      article,
      (parts = { href: sitePath(article.url), title: isolateLatin(article.title) }),
    );
  return parts;
}

function related(article: Article, newsroom: Newsroom): SafeHtml {
  const list = newsroom.related(article).map(linkTo);
  const { newer, older } = newsroom.neighbours(article);
  const [newerLink, olderLink] = [newer && linkTo(newer), older && linkTo(older)];
  return html`${
    list.length
      ? html`<section class="related no-print" aria-labelledby="related-title">
<h2 id="related-title">خبرهای مرتبط</h2>
<ul>${list.map((item) => html`<li><a href="${item.href}">${item.title}</a></li>`)}</ul>
</section>`
      : ""
  }${
    newerLink || olderLink
      ? html`<nav class="neighbours no-print" aria-label="${`خبرهای دیگر سرویس ${article.section.name}`}">
${newerLink ? html`<a href="${newerLink.href}"><span>خبر بعدی</span> ${newerLink.title}</a>` : ""}
${olderLink ? html`<a href="${olderLink.href}"><span>خبر قبلی</span> ${olderLink.title}</a>` : ""}
</nav>`
      : ""
  }`;
}

export function renderArticle(article: Article, assets: Assets, newsroom?: Newsroom): string {
  const body = html`<article class="article" aria-labelledby="article-title">
<header class="article-header">
${article.surtitle ? html`<p class="surtitle">${isolateLatin(article.surtitle)}</p>` : ""}<h1 id="article-title">${isolateLatin(article.title)}</h1>
<p class="lead">${isolateLatin(article.lead)}</p>
${meta(article)}
</header>
<div class="article-body">
${raw(article.html)}</div>
<p class="print-only">نشانی: ${ltr(absoluteUrl(article.url))}</p>
${
  article.tags.length
    ? html`<ul class="tags no-print" aria-label="برچسب‌ها">${article.tags.map((tag) => html`<li><a href="${sitePath(routes.topic(tag))}">${isolateLatin(tag.name)}</a></li>`)}</ul>`
    : ""
}
${share(article)}
</article>
${newsroom ? related(article, newsroom) : ""}`;
  return renderPage({
    path: article.url,
    title: article.title,
    description: article.lead,
    body,
    assets,
    head: html`${socialMeta({ path: article.url, title: article.title, description: article.lead, type: "article", article })}${jsonLdScripts([newsArticle(article), breadcrumbList(crumbs(article))])}`,
  });
}
