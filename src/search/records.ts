/**
 * What the search index holds for one article: a small HTML document written for Pagefind alone,
 * never published. Every text in it is the index text (src/search/index-text.ts), so Pagefind
 * indexes one word per spelling.
 *
 * - The text Pagefind searches and cuts excerpts from is the title, surtitle, lead and body, in
 *   that order, weighted with `data-pagefind-weight` (Pagefind applies weights to HTML it parses,
 *   not to custom records, which is why this is HTML). `meta.title` holds exactly the title's
 *   words, so the search page can leave them out of the excerpt (the title is shown above it).
 * - Tags and the section are meta fields: Pagefind 1.6 matches words in meta fields too and adds
 *   a boost per field (SEARCH_RANKING in src/search/fields.ts), so they count without a row of
 *   tag names turning up in excerpts.
 * - What a result shows is kept apart: `meta.headline` is the title as the editor wrote it
 *   (weight 0); the section's name and the date are Pagefind filters, returned with a result but
 *   never matched by a query, so «آذر» finds articles about آذر, not every article of that month.
 */
import type { Article } from "../article.ts";
import { html } from "../html.ts";
import { formatJalaliDate, formatPersianTime } from "../persian/jalali.ts";
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { RESULT_FIELDS } from "./fields.ts";
import { toIndexText } from "./index-text.ts";

/** How much a word in each part counts, against 1 for the body (Pagefind accepts 0–10). */
export const PART_WEIGHTS = { title: 10, surtitle: 5, lead: 5, body: 1 } as const;

/** The date as the article page shows it, in words, and as its `<time datetime>`. */
export function publicationDate(article: Pick<Article, "date" | "hasTime">): {
  text: string;
  datetime: string;
} {
  const day = formatJalaliDate(article.date, site.timeZone);
  const iso = toIsoWithOffset(article.date, site.timeZone);
  return article.hasTime
    ? { text: `${day}، ساعت ${formatPersianTime(article.date, site.timeZone)}`, datetime: iso }
    : { text: day, datetime: iso.slice(0, 10) };
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// Ends of the blocks markdown-it writes: each becomes a paragraph of its own, so that ZWNJ
// restoration and affix joining never reach across two of them.
const BLOCK_END =
  /<\/(?:p|h[1-6]|li|blockquote|pre|td|th|figcaption|dt|dd)>|<br\s*\/?>|<hr\s*\/?>/giu;

/**
 * The paragraphs of an article body rendered by markdown-it (`Article.html`) as plain text. The
 * HTML comes from our own Markdown renderer with raw HTML off, so every `<` starts a tag and text
 * holds entities only: stripping tags and decoding entities is exact here, not a sanitiser.
 */
export function bodyParagraphs(bodyHtml: string): string[] {
  return bodyHtml
    .replace(BLOCK_END, "\n")
    .replace(/<[^>]*>/gu, "")
    .split("\n")
    .map((paragraph) => decodeEntities(paragraph).replace(/\s+/gu, " ").trim())
    .filter(Boolean);
}

/** The document Pagefind indexes for `article`, at the article's URL. */
export function searchDocument(article: Article): string {
  const title = toIndexText(article.title);
  const date = publicationDate(article);
  const part = (weight: number, text: string | undefined) =>
    text ? html`<p data-pagefind-weight="${weight}">${toIndexText(text)}</p>\n` : "";
  const meta = (name: string, value: string) =>
    html`<meta data-pagefind-meta="${name}[content]" content="${value}">\n`;
  const filter = (name: string, value: string) =>
    html`<meta data-pagefind-filter="${name}[content]" content="${value}">\n`;
  return html`<!doctype html>
<html lang="fa">
<head>
${meta(RESULT_FIELDS.indexedTitle, title)}${meta(RESULT_FIELDS.headline, article.title)}${article.tags.length ? meta(RESULT_FIELDS.tags, article.tags.map((tag) => toIndexText(tag.name)).join(" ")) : ""}${meta(RESULT_FIELDS.indexedSection, toIndexText(article.section.name))}${filter(RESULT_FIELDS.section, article.section.name)}${filter(RESULT_FIELDS.date, date.text)}${filter(RESULT_FIELDS.datetime, date.datetime)}</head>
<body>
<h1 data-pagefind-weight="${PART_WEIGHTS.title}">${title}</h1>
${part(PART_WEIGHTS.surtitle, article.surtitle)}${part(PART_WEIGHTS.lead, article.lead)}<div data-pagefind-weight="${PART_WEIGHTS.body}">
${bodyParagraphs(article.html).map((paragraph) => html`<p>${toIndexText(paragraph)}</p>\n`)}</div>
</body>
</html>
`.value;
}
