/**
 * A section (سرویس) page: its newest articles.
 */
import type { Article } from "../src/article.ts";
import type { Assets } from "../src/assets.ts";
import { html } from "../src/html.ts";
import { site, type Section } from "../src/site.ts";
import { renderPage } from "./base.ts";
import { articleListItem } from "./partials.ts";

export function renderSection(section: Section, articles: readonly Article[], assets: Assets): string {
  const body = html`<h1>${section.name}</h1>
${articles.length ? html`<ol class="article-list">${articles.map(articleListItem)}</ol>` : html`<p>هنوز خبری در این سرویس منتشر نشده است.</p>`}`;
  return renderPage({ path: `/${section.slug}/`, title: section.name, description: `تازه‌ترین خبرهای ${section.name} در ${site.name}`, body, assets });
}
