/**
 * The article page.
 */
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import { html, raw } from "../src/html.ts";
import { formatGregorianDate } from "../src/persian/jalali.ts";
import { site } from "../src/site.ts";
import { absoluteUrl, sitePath } from "../src/urls.ts";
import { renderPage } from "./base.ts";
import { publishedTime } from "./partials.ts";

function sourceLine(article: Article): string | undefined {
  if (!article.source) return undefined;
  return article.quoting ? `منبع: ${article.source} به نقل از ${article.quoting}` : `منبع: ${article.source}`;
}

export function renderArticle(article: Article, assets: Assets): string {
  const source = sourceLine(article);
  const body = html`<article class="article" aria-labelledby="article-title">
<header class="article-header">
${article.surtitle ? html`<p class="surtitle">${article.surtitle}</p>` : ""}<h1 id="article-title">${article.title}</h1>
<p class="lead">${article.lead}</p>
<p class="meta">
<a href="${sitePath(`/${article.section.slug}/`)}">${article.section.name}</a>
${publishedTime(article.date, article.hasTime)}
<span class="gregorian">${formatGregorianDate(article.date, site.timeZone)}</span>
${source ? html`<span class="source">${source}</span>` : ""}
${article.author ? html`<span class="author">نویسنده: ${article.author}</span>` : ""}
</p>
</header>
<div class="article-body">
${raw(article.html)}</div>
<p class="print-only">نشانی: ${absoluteUrl(article.url)}</p>
${article.tags.length ? html`<ul class="tags" aria-label="برچسب‌ها">${article.tags.map((tag) => html`<li>${tag.name}</li>`)}</ul>` : ""}
</article>`;
  return renderPage({ path: article.url, title: article.title, description: article.lead, body, assets });
}
