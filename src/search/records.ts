/**
 * What the search index holds for one article (README, "Search"), made from plain data so that the
 * index can be built anywhere, a worker thread included:
 *
 * - `SearchArticle`: the article as the index needs it, structured-cloneable (no class instance, no
 *   function); `toSearchArticle` makes it from a loaded `Article`.
 * - `searchRecord`: its index text (src/search/index-text.ts) per field, the keys of its words
 *   (src/search/words.ts) with their weighted frequency, and its result document
 *   (src/search/format.ts): the title as written, the section, the date as the page shows it, and
 *   the indexed text the excerpt is cut from. Tags and the section are matched, never shown.
 *
 * Making the index text (restoring ZWNJs with the dictionary) is the costly part of indexing; the
 * rest of the index is assembled from records by src/search/build-index.ts.
 */
import type { Article } from "../article.ts";
import { formatJalaliDate, formatPersianTime } from "../persian/jalali.ts";
import { site } from "../site.ts";
import { toIsoWithOffset } from "../time.ts";
import { sitePath } from "../urls.ts";
import { FIELD_WEIGHTS, type SearchField } from "./fields.ts";
import type { ResultDocument } from "./format.ts";
import { collapseWhitespace, toIndexText } from "./index-text.ts";
import { keyIdsOfWord, type KeyTable } from "./key-table.ts";
import { textWords } from "./words.ts";

/** An article as the search index needs it: plain data, structured-cloneable. */
export interface SearchArticle {
  /** The news code: the article's identity in the index and the name of its result document. */
  code: number;
  /** The article's address on the site, with any path prefix: `/news/1001/`. */
  url: string;
  title: string;
  surtitle?: string;
  lead: string;
  /** The body as the site's Markdown renderer wrote it (`Article.html`). */
  html: string;
  /** The tags' names as written. */
  tags: string[];
  /** The section's name. */
  section: string;
  /** The publication instant, and whether the editor gave a time of day. */
  date: Date;
  hasTime: boolean;
}

/** What the index keeps of one article. */
export interface SearchRecord {
  code: number;
  /** Ids, in the key table the record was made with, of the article's distinct keys. */
  keys: number[];
  /** For each of `keys`, the sum over its occurrences of their field's weight. */
  frequencies: number[];
  /** For each of `keys`, whether it is a word of the title. */
  inTitle: boolean[];
  /** The sum, over the article's words, of their field's weight. */
  length: number;
  /** The result document, as the JSON text of its file. */
  document: string;
}

/** The plain data the index needs of a loaded article. */
export function toSearchArticle(article: Article): SearchArticle {
  return {
    code: article.code,
    url: sitePath(article.url),
    title: article.title,
    ...(article.surtitle === undefined ? {} : { surtitle: article.surtitle }),
    lead: article.lead,
    html: article.html,
    tags: article.tags.map((tag) => tag.name),
    section: article.section.name,
    date: article.date,
    hasTime: article.hasTime,
  };
}

// The date in words depends on the Tehran day alone and the time on the minute: formatted once
// each (Intl is the costly part of a date), keyed by the ISO text that is needed anyway.
const dayTexts = new Map<string, string>();
const timeTexts = new Map<string, string>();

/** The date as the article page shows it, in words, and as its `<time datetime>`. */
export function publicationDate(article: { date: Date; hasTime: boolean }): {
  text: string;
  datetime: string;
} {
  const iso = toIsoWithOffset(article.date, site.timeZone);
  const dayKey = iso.slice(0, 10);
  let day = dayTexts.get(dayKey);
  if (day === undefined)
    dayTexts.set(dayKey, (day = formatJalaliDate(article.date, site.timeZone)));
  if (!article.hasTime) return { text: day, datetime: dayKey };
  const timeKey = iso.slice(11, 16);
  let time = timeTexts.get(timeKey);
  if (time === undefined)
    timeTexts.set(timeKey, (time = formatPersianTime(article.date, site.timeZone)));
  return { text: `${day}، ساعت ${time}`, datetime: iso };
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
    .map((paragraph) =>
      collapseWhitespace(paragraph.includes("&") ? decodeEntities(paragraph) : paragraph),
    )
    .filter(Boolean);
}

/** How a record is made; the records of one index share these. */
export interface RecordOptions {
  /** The index's key table. */
  table: KeyTable;
  /** The index text of a tag's or the section's name: the same few names recur in every article. */
  nameText?: (name: string) => string;
}

/**
 * The record of one article: index text per field, its keys (numbered in `options.table`) with
 * their weighted frequencies, and its result document.
 */
export function searchRecord(article: SearchArticle, options: RecordOptions): SearchRecord {
  const { table } = options;
  const nameText = options.nameText ?? toIndexText;
  const title = toIndexText(article.title);
  const surtitle = article.surtitle === undefined ? "" : toIndexText(article.surtitle);
  const lead = toIndexText(article.lead);
  const body = bodyParagraphs(article.html).map(toIndexText).filter(Boolean);
  const keys: number[] = [];
  const frequencies: number[] = [];
  const inTitle: boolean[] = [];
  const stamp = ++table.stamp;
  let length = 0;
  const add = (field: SearchField, text: string) => {
    const weight = FIELD_WEIGHTS[field];
    const words = textWords(text);
    length += weight * words.length;
    for (const word of words) {
      for (const id of keyIdsOfWord(table, word)) {
        // Read the arrays after keyIdsOfWord, which may have grown them.
        if (table.stamps[id] === stamp) {
          frequencies[table.slots[id]!]! += weight;
        } else {
          table.stamps[id] = stamp;
          table.slots[id] = keys.length;
          keys.push(id);
          frequencies.push(weight);
          inTitle.push(field === "title");
        }
      }
    }
  };
  add("title", title);
  add("surtitle", surtitle);
  add("lead", lead);
  for (const paragraph of body) add("body", paragraph);
  for (const tag of article.tags) add("tags", nameText(tag));
  add("section", nameText(article.section));
  const date = publicationDate(article);
  const document: ResultDocument = {
    url: article.url,
    headline: article.title,
    section: article.section,
    date: date.text,
    datetime: date.datetime,
    titleWords: textWords(title).length,
    content: [title, surtitle, lead, ...body].filter(Boolean).join(" "),
  };
  return {
    code: article.code,
    keys,
    frequencies,
    inTitle,
    length,
    document: JSON.stringify(document),
  };
}
