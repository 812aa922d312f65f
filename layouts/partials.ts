/**
 * Small pieces several layouts share.
 */
import type { Article } from "../src/article.ts";
import { html, type SafeHtml } from "../src/html.ts";
import { formatJalaliDate, formatPersianTime } from "../src/persian/jalali.ts";
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

export function articleListItem(article: Article): SafeHtml {
  return html`<li>
<article>
${article.surtitle ? html`<p class="surtitle">${article.surtitle}</p>` : ""}<h2><a href="${sitePath(article.url)}">${article.title}</a></h2>
<p>${article.lead}</p>
${publishedTime(article.date, article.hasTime)}
</article>
</li>`;
}
