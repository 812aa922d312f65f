/**
 * The home page: the newest articles.
 */
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import { html } from "../src/html.ts";
import { site } from "../src/site.ts";
import { renderPage } from "./base.ts";
import { articleListItem } from "./partials.ts";

export function renderHome(articles: readonly Article[], assets: Assets): string {
  const body = html`<h1 class="visually-hidden">${site.name}: تازه‌ترین خبرها</h1>
${articles.length ? html`<ol class="article-list">${articles.map(articleListItem)}</ol>` : html`<p>هنوز خبری منتشر نشده است.</p>`}`;
  return renderPage({ path: "/", description: site.description, body, assets });
}
