/**
 * Pages with little more than text: 404, Markdown pages (about), short-link redirects.
 */
import type { Assets } from "../src/assets.ts";
import { html, raw } from "../src/html.ts";
import { toPersianDigits } from "../src/persian/digits.ts";
import { routes } from "../src/routes.ts";
import { contentSecurityPolicy, metaPolicyForPath } from "../src/security/csp.ts";
import { site } from "../src/site.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";

export function renderNotFound(assets: Assets): string {
  const body = html`<h1>صفحه پیدا نشد</h1>
<p>نشانی‌ای که باز کرده‌اید در ${site.name} نیست؛ شاید اشتباه نوشته شده یا جابه‌جا شده باشد.</p>
<ul>
<li><a href="${sitePath(routes.home())}">تازه‌ترین خبرها</a></li>
<li><a href="${sitePath(routes.archive())}">بایگانی خبرها</a></li>
<li><a href="${sitePath(routes.tags())}">برچسب‌ها</a></li>
</ul>`;
  return renderPage({
    path: "/404.html",
    title: "صفحه پیدا نشد",
    description: "این صفحه پیدا نشد.",
    body,
    assets,
    robots: "noindex",
  });
}

/** A Markdown page (about, …) in the site's shell; `content` is markdown-it's HTML. */
export function renderTextPage(
  page: { path: string; title: string; description: string; content: string },
  assets: Assets,
): string {
  const body = html`<article class="text-page">
<h1>${page.title}</h1>
${raw(page.content)}
</article>`;
  return renderPage({
    path: page.path,
    title: page.title,
    description: page.description,
    body,
    assets,
  });
}

/**
 * The short link `/n/<code>/`: a static redirect that works on any host (hosts that read
 * `_redirects` answer with a real 301 before this page is ever served).
 */
export function renderShortLink(code: number, target: string): string {
  const url = absoluteUrl(target);
  return `<!doctype html>
${html`<html lang="${site.lang}" dir="${site.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(metaPolicyForPath(routes.short(code)), "meta")}">
<title>${site.name}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${url}">
<meta http-equiv="refresh" content="${`0; url=${sitePath(target)}`}">
</head>
<body>
<p><a href="${sitePath(target)}">خبر ${toPersianDigits(code)} در ${site.name}</a></p>
</body>
</html>
`}`;
}
