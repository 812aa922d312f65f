/**
 * Open Graph and Twitter card metadata: what a link shows when shared in a messenger.
 */
import type { Article } from "../article.ts";
import { html, raw, type SafeHtml } from "../html.ts";
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { absoluteUrl } from "../urls.ts";
import { LOGO_PATH, serializeJsonLd, type JsonLd } from "./json-ld.ts";

export interface SocialMeta {
  path: string;
  title: string;
  description: string;
  type: "website" | "article";
  article?: Article;
}

export function socialMeta(meta: SocialMeta): SafeHtml {
  const article = meta.article;
  return html`<meta property="og:site_name" content="${site.name}">
<meta property="og:locale" content="${site.ogLocale}">
<meta property="og:type" content="${meta.type}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${absoluteUrl(meta.path)}">
<meta property="og:image" content="${absoluteUrl(LOGO_PATH)}">
${
  article
    ? html`<meta property="article:published_time" content="${toIsoWithOffset(article.date, site.timeZone)}">
${article.modified ? html`<meta property="article:modified_time" content="${toIsoWithOffset(article.modified, site.timeZone)}">\n` : ""}<meta property="article:section" content="${article.section.name}">
${article.tags.map((tag) => html`<meta property="article:tag" content="${tag.name}">\n`)}`
    : ""
}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
`;
}

export function jsonLdScripts(blocks: readonly JsonLd[]): SafeHtml {
  // serializeJsonLd leaves no `<`, `>` or `&`, so the JSON goes in as it is (HTML-escaping would corrupt it).
  return html`${blocks.map((block) => html`<script type="application/ld+json">${raw(serializeJsonLd(block))}</script>\n`)}`;
}
