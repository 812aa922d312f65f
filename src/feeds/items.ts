/**
 * One description of a feed's items, from which every format is written, so they never disagree.
 */
import type { Article } from "../article.ts";
import { renderMarkdown } from "../markdown.ts";
import { absoluteUrl } from "../urls.ts";
import { articleFeedId } from "./identity.ts";

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  /** Plain text: the lead. */
  summary: string;
  /** HTML with absolute URLs, wrapped so it starts with Persian text and declares its direction. */
  contentHtml: string;
  published: Date;
  /** The newer of `modified` and `published`. */
  updated: Date;
  /** The `modified` date only when the editor set one. */
  modified?: Date;
  tags: string[];
  section: string;
  author?: string;
}

export interface FeedDescription {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  homeUrl: string;
  /** Absolute URL of this feed itself. */
  selfUrl: string;
  language: string;
  /** The newest item's update time, never the clock: two builds of one content are identical. */
  updated?: Date;
  items: FeedItem[];
}

function contentHtml(article: Article, url: string): string {
  // The lead first: feed readers that drop `dir` decide direction from the first strong character.
  const body = renderMarkdown(article.body, { baseUrl: url });
  return `<div dir="rtl" lang="fa-IR"><p><strong>${escapeText(article.lead)}</strong></p>\n${body}</div>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function toFeedItem(article: Article): FeedItem {
  const url = absoluteUrl(article.url);
  const updated = article.modified && article.modified > article.date ? article.modified : article.date;
  return {
    id: articleFeedId(article.code),
    url,
    title: article.title,
    summary: article.lead,
    contentHtml: contentHtml(article, url),
    published: article.date,
    updated,
    modified: article.modified,
    tags: article.tags.map((tag) => tag.name),
    section: article.section.name,
    author: article.author,
  };
}

/** The newest `limit` articles (already sorted newest first) as a feed. */
export function describeFeed(
  options: Omit<FeedDescription, "items" | "updated">,
  articles: readonly Article[],
  limit: number,
): FeedDescription {
  const items = articles.slice(0, limit).map(toFeedItem);
  const updated = items.reduce<Date | undefined>((newest, item) => (!newest || item.updated > newest ? item.updated : newest), undefined);
  return { ...options, updated, items };
}
