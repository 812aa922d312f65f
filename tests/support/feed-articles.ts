/**
 * Articles made in code for feed unit and property tests, with the fields the loader would set.
 */
import type { Article } from "../../src/article.ts";
import { renderFeedBody, renderMarkdown } from "../../src/markdown.ts";
import { readingMinutes } from "../../src/reading-time.ts";
import { routes } from "../../src/routes.ts";
import { site } from "../../src/site.ts";
import { toTopic } from "../../src/topics.ts";
import { absoluteUrl } from "../../src/urls.ts";

export interface ArticleInput {
  code: number;
  title?: string;
  lead?: string;
  body?: string;
  date?: Date;
  modified?: Date;
  tags?: string[];
  author?: string;
  section?: number;
}

export function makeArticle(input: ArticleInput): Article {
  const body = input.body ?? "متن خبر.";
  const section = site.sections[(input.section ?? 0) % site.sections.length]!;
  const html = renderMarkdown(body);
  const url = routes.article(input.code);
  return {
    file: `made/${input.code}.md`,
    code: input.code,
    title: input.title ?? `خبر شماره ${input.code}`,
    lead: input.lead ?? `لید خبر شماره ${input.code}.`,
    section,
    tags: (input.tags ?? []).map(toTopic),
    date: input.date ?? new Date(Date.UTC(2024, 0, 1, 6, 0, 0)),
    hasTime: true,
    modified: input.modified,
    draft: false,
    html,
    feedHtml: renderFeedBody(body, html, absoluteUrl(url)),
    readingMinutes: readingMinutes(body),
    url,
    author: input.author,
  };
}
