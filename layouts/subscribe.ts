/**
 * The subscribe page (/subscribe/): what a feed is, in plain Persian, and every feed of the site
 * (the whole site, each section, each tag) with its URLs in read-only fields to copy. No script:
 * a field's text can be selected and copied by hand on any device.
 */
import type { Assets } from "../src/assets.ts";
import { isolateLatin, ltr } from "../src/bidi.ts";
import {
  FEED_FORMAT_NAMES,
  FEED_FORMATS,
  type FeedKind,
  type FeedSource,
} from "../src/feeds/catalog.ts";
import type { Stylesheet } from "../src/feeds/stylesheet.ts";
import { html, type SafeHtml } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { FEED_TYPES, routes } from "../src/routes.ts";
import { site } from "../src/site.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";

const GROUPS: { kind: FeedKind; heading: string; id: string }[] = [
  { kind: "site", heading: "همهٔ خبرها", id: "site-feed" },
  { kind: "section", heading: "هر سرویس", id: "section-feeds" },
  { kind: "topic", heading: "هر برچسب", id: "topic-feeds" },
];

function feedEntry(source: FeedSource, index: number): SafeHtml {
  return html`<li>
    <h3><a href="${sitePath(source.pagePath)}">${isolateLatin(source.name)}</a></h3>
    <ul class="feed-formats">
      ${FEED_FORMATS.map((format) => {
        const id = `feed-${index}-${format}`;
        const url = absoluteUrl(routes.feed(source.pagePath, format));
        return html`<li>
          <label for="${id}">${ltr(FEED_FORMAT_NAMES[format])}</label>
          <a href="${url}" type="${FEED_TYPES[format]}">(باز کردن)</a>
          <input id="${id}" class="feed-url" type="text" readonly dir="ltr" value="${url}" />
        </li> `;
      })}
    </ul>
  </li>`;
}

export function renderSubscribe(
  sources: readonly FeedSource[],
  stylesheet: Stylesheet,
  assets: Assets,
): string {
  const numbered = sources.map((source, index) => ({ source, index }));
  const body = html`<h1>اشتراک با خبرخوان</h1>
    <section class="feed-howto" aria-labelledby="what-is-a-feed">
      <h2 id="what-is-a-feed">خوراک (فید) چیست؟</h2>
      <p>
        خوراک نشانی‌ای است که فهرست تازه‌ترین خبرهای ${site.name} را برای برنامه‌های «خبرخوان»
        می‌فرستد. وقتی نشانی یک خوراک را به خبرخوان خود بدهید، هر خبر تازه خودش به شما می‌رسد؛ لازم
        نیست هر روز به سایت سر بزنید، حسابی نمی‌سازید و هیچ نشانی یا ایمیلی از شما نمی‌گیریم.
      </p>
      <h2>چطور مشترک شوم؟</h2>
      <ol>
        <li>
          یک خبرخوان انتخاب کنید: برنامه‌ای روی گوشی یا رایانه، یا سایتی که خوراک می‌خواند (بیشترشان
          رایگان‌اند).
        </li>
        <li>
          در فهرست پایین، خوراکی را که می‌خواهید پیدا کنید و نشانی آن را کپی کنید: روی کادر نشانی
          بزنید، همه را انتخاب کنید و کپی کنید.
        </li>
        <li>
          در خبرخوان گزینهٔ افزودن خوراک (${ltr("Add feed")} یا ${ltr("Subscribe")}) را بزنید و نشانی
          را بچسبانید.
        </li>
      </ol>
      <p>
        هر خوراک در سه قالب هست که همه یک چیز را می‌گویند. اگر نمی‌دانید کدام را بردارید،
        ${ltr("RSS")} را بردارید: همهٔ خبرخوان‌ها آن را می‌خوانند. ${ltr("Atom")} هم تقریباً همه‌جا
        کار می‌کند و ${ltr("JSON Feed")} برای خبرخوان‌های تازه‌تر است.
      </p>
      <p>
        هر خوراک ${toPersianDigits(site.feedSize)} خبر تازه را دارد و متن کامل هر خبر در آن هست.
      </p>
    </section>
    ${GROUPS.map(({ kind, heading, id }) => {
      const group = numbered.filter(({ source }) => source.kind === kind);
      if (group.length === 0) return "";
      return html`<section aria-labelledby="${id}">
        <h2 id="${id}">${heading}</h2>
        <ul class="feed-list">
          ${group.map(({ source, index }) => feedEntry(source, index))}
        </ul>
      </section> `;
    })}`;
  return renderPage({
    path: routes.subscribe(),
    title: "اشتراک با خبرخوان",
    description: `خوراک‌های RSS، Atom و JSON Feed ${site.name} برای همهٔ خبرها، هر سرویس و هر برچسب، و راهنمای اشتراک.`,
    body,
    assets,
    head: html`<link rel="stylesheet" href="${sitePath(stylesheet.path)}" /> `,
  });
}
